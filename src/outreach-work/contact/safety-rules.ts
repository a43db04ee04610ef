/**
 * The safety rules for first messages (../shared/domain/outreach.md, "Safety rules for contact"). A pure
 * module: a template is checked when it is saved, approved and again when a message is made from it.
 * (a) short: one SMS (160 characters) once {chatLink} is filled in;
 * (b) neutral: no word that reveals the purpose, in any supported language (safety-words.ts);
 * (c) no case details: {chatLink} is the only placeholder; no phone numbers, e-mail addresses, handles
 *     or links other than the programme's chat link;
 * (d) an easy way to talk: the message offers {chatLink}.
 * Problems carry a stable code (the interface translates it) and an English message naming the word.
 */
import { LANGUAGE_NAMES, OUTREACH_LANGUAGES, REVEALING_WORDS, UNSPACED_LANGUAGES, type OutreachLanguage } from './safety-words.ts';

export const SMS_LIMIT = 160;
export const CHAT_LINK_PLACEHOLDER = '{chatLink}';

export type SafetyProblemCode =
  | 'empty'
  | 'unsupported-language'
  | 'too-long'
  | 'revealing-word'
  | 'revealing-sender'
  | 'placeholder-not-allowed'
  | 'phone-number'
  | 'email-address'
  | 'handle'
  | 'url-not-allowed'
  | 'no-way-to-talk';

export type SafetyProblem = { code: SafetyProblemCode; message: string; word?: string; language?: string };

// Letters that do not decompose into a base letter and a combining mark.
const FOLD: Record<string, string> = { ł: 'l', đ: 'd', ø: 'o', ß: 'ss', æ: 'ae', œ: 'oe', ı: 'i' };
const SEPARATOR = /[^\p{L}\p{N}\p{M}]+/u;

/** Lower case without diacritics (Latin and Cyrillic combining marks; Thai marks are letters' parts and stay). */
export function normaliseForMatch(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[łđøßæœı]/g, (c) => FOLD[c] ?? c);
}

type Token = { original: string; normalised: string };

function tokens(text: string): Token[] {
  return text
    .split(SEPARATOR)
    .filter(Boolean)
    .flatMap((original) => normaliseForMatch(original).split(SEPARATOR).filter(Boolean).map((normalised) => ({ original, normalised })));
}

type Pattern = { entry: string; language: OutreachLanguage; parts: { text: string; prefix: boolean }[] };

function compile(): { spaced: Pattern[]; unspaced: Pattern[] } {
  const spaced: Pattern[] = [];
  const unspaced: Pattern[] = [];
  for (const language of OUTREACH_LANGUAGES) {
    for (const entry of REVEALING_WORDS[language]) {
      const parts = entry.split(' ').map((part) => ({ text: normaliseForMatch(part.replace(/\*$/, '')), prefix: part.endsWith('*') }));
      (UNSPACED_LANGUAGES.includes(language) ? unspaced : spaced).push({ entry, language, parts });
    }
  }
  return { spaced, unspaced };
}

const PATTERNS = compile();

/** Every revealing word in the text, once per (word, language). */
export function findRevealingWords(text: string): { word: string; language: OutreachLanguage }[] {
  const found = new Map<string, { word: string; language: OutreachLanguage }>();
  const add = (word: string, language: OutreachLanguage) => {
    const key = `${language}:${normaliseForMatch(word)}`;
    if (!found.has(key)) found.set(key, { word, language });
  };
  const list = tokens(text);
  for (let i = 0; i < list.length; i++) {
    for (const p of PATTERNS.spaced) {
      if (i + p.parts.length > list.length) continue;
      const matches = p.parts.every((part, k) => {
        const token = list[i + k]!.normalised;
        return part.prefix ? token.startsWith(part.text) : token === part.text;
      });
      if (matches) add(list.slice(i, i + p.parts.length).map((t) => t.original).join(' '), p.language);
    }
  }
  const whole = normaliseForMatch(text);
  for (const p of PATTERNS.unspaced) {
    if (whole.includes(p.parts[0]!.text)) add(p.entry, p.language);
  }
  return [...found.values()];
}

const revealing = (code: 'revealing-word' | 'revealing-sender', word: string, language: OutreachLanguage): SafetyProblem => ({
  code,
  word,
  language,
  message:
    code === 'revealing-word'
      ? `"${word}" is a ${LANGUAGE_NAMES[language]} word that reveals what the message is about; assume someone else reads the phone.`
      : `The sender name contains "${word}", a ${LANGUAGE_NAMES[language]} word that reveals who is writing; choose a neutral sender.`,
});

const PLACEHOLDER = /\{[^{}]*\}/g;
const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;
const HANDLE = /(?:^|[\s(])(@[\p{L}\p{N}_.]{2,})/gu;
const URL = /\b(?:https?:\/\/|www\.)\S+|\b[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.(?:com|net|org|nl|be|de|eu|uk|ro|es|hu|bg|pl|th|info|io|me|ly|app|chat|link|co|biz|online|site)\b(?:\/\S*)?/giu;
// Six or more digits, possibly with spaces, dots, dashes, brackets or a leading +: a phone number.
const PHONE = /\+?\d(?:[\s().-]*\d){5,}/g;

const without = (text: string, piece: string) => (piece ? text.split(piece).join(' ') : text);

function caseDetailProblems(body: string, chatLink: string): SafetyProblem[] {
  const problems: SafetyProblem[] = [];
  for (const [placeholder] of body.matchAll(PLACEHOLDER)) {
    if (placeholder !== CHAT_LINK_PLACEHOLDER) {
      problems.push({ code: 'placeholder-not-allowed', word: placeholder, message: `The placeholder ${placeholder} is not allowed: {chatLink} is the only one, so a message never names the person or their situation.` });
    }
  }
  const rest = without(body.replace(PLACEHOLDER, ' '), chatLink);
  const stray = /[{}]/.exec(rest);
  if (stray) problems.push({ code: 'placeholder-not-allowed', word: stray[0], message: `A lone "${stray[0]}" is not allowed; write the chat link as {chatLink}.` });
  let withoutEmails = rest;
  for (const [email] of rest.matchAll(EMAIL)) {
    problems.push({ code: 'email-address', word: email, message: `"${email}" is an e-mail address; a first message carries no contact details other than {chatLink}.` });
    withoutEmails = without(withoutEmails, email);
  }
  for (const match of withoutEmails.matchAll(HANDLE)) {
    const handle = match[1]!;
    problems.push({ code: 'handle', word: handle, message: `"${handle}" is a messenger handle; a first message carries no contact details other than {chatLink}.` });
  }
  let withoutLinks = withoutEmails;
  for (const [url] of withoutEmails.matchAll(URL)) {
    problems.push({ code: 'url-not-allowed', word: url, message: `"${url}" is a link; the only link allowed is the programme's chat link, written as {chatLink}.` });
    withoutLinks = without(withoutLinks, url);
  }
  for (const [digits] of withoutLinks.matchAll(PHONE)) {
    const word = digits.trim();
    problems.push({ code: 'phone-number', word, message: `"${word}" looks like a phone number; a first message carries no numbers or case details.` });
  }
  return problems;
}

/** The message as it is sent: {chatLink} filled in. */
export function renderMessage(body: string, chatLink: string): string {
  return body.split(CHAT_LINK_PLACEHOLDER).join(chatLink);
}

export const messageLength = (text: string) => [...text].length;

/** Every problem of a template body in a language, in a stable order; an empty list means safe. */
export function checkTemplate(input: { language: string; body: string }, opts: { chatLink: string }): SafetyProblem[] {
  const problems: SafetyProblem[] = [];
  if (!(OUTREACH_LANGUAGES as readonly string[]).includes(input.language)) {
    problems.push({ code: 'unsupported-language', word: input.language, message: `Templates are written in ${OUTREACH_LANGUAGES.join(', ')}; "${input.language}" is not one of them.` });
  }
  const body = input.body;
  if (!body.trim()) {
    problems.push({ code: 'empty', message: 'Write the message first; it is empty.' });
    return problems;
  }
  const length = messageLength(renderMessage(body, opts.chatLink));
  if (length > SMS_LIMIT) {
    problems.push({ code: 'too-long', message: `The message has ${length} characters once the chat link is filled in; at most ${SMS_LIMIT} fit in one SMS.` });
  }
  for (const { word, language } of findRevealingWords(without(body.replace(PLACEHOLDER, ' '), opts.chatLink))) problems.push(revealing('revealing-word', word, language));
  problems.push(...caseDetailProblems(body, opts.chatLink));
  if (!body.includes(CHAT_LINK_PLACEHOLDER) && !(opts.chatLink && body.includes(opts.chatLink))) {
    problems.push({ code: 'no-way-to-talk', message: 'Add {chatLink}: a first message must offer an easy way to talk.' });
  }
  return problems;
}

/** The sender name of messages, checked at send time against the same word lists. */
export function checkSender(sender: string): SafetyProblem[] {
  return findRevealingWords(sender).map(({ word, language }) => revealing('revealing-sender', word, language));
}

export function isOutreachLanguage(value: string): value is OutreachLanguage {
  return (OUTREACH_LANGUAGES as readonly string[]).includes(value);
}
