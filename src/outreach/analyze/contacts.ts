/**
 * E-mail addresses, messenger handles and URLs in folded (lower-case) text, with their spans (for
 * masking in templateText). E-mails are also found in "name at domain dot com" forms; handles get a
 * platform prefix when the platform is named ("telegram:anna_x"), WhatsApp links yield phone digits.
 */

export type Span = [number, number];
/** A span to mask in templateText, with its placeholder. */
export type Mask = [start: number, end: number, token: string];

export type Contacts = {
  emails: string[];
  handles: string[];
  /** Digits of wa.me/... links (international format), for the phone parser. */
  whatsappNumbers: string[];
  masks: Mask[];
};

const TLDS = 'com|nl|be|de|net|org|eu|ro|es|pl|hu|bg|fr|it|ru|ua|info|uk|co\\.uk|ch|at|cz|sk|pt|biz|me|io';
const DOMAIN_STRICT_RE = /[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*\.[a-z]{2,}/y;
const DOT = '(?:\\s*[\\[({<]\\s*(?:dot|punt|punto|pont|kropka|\\.)\\s*[\\])}>]\\s*|\\s+(?:dot|punt|punto|pont|kropka)\\s+|\\s*\\.\\s*)';
const DOMAIN_SPELLED_RE = new RegExp(`([a-z0-9-]{2,63})${DOT}(?:([a-z0-9-]{2,63})${DOT})?(${TLDS})(?![a-z0-9])`, 'y');
const BARE_HANDLE_RE = /@([a-z0-9_][a-z0-9_.]{2,31})/y;
const LABEL_VALUE_RE = /(?:\s*[:=]\s*@?\s*|\s*@|\s+(?=[a-z0-9_.]*[0-9_.]))([a-z0-9_][a-z0-9_.]{1,31})/y;
const LABEL_VALUE_STRICT_RE = /(?:\s*[:=]\s*@?\s*|\s*@)([a-z0-9_][a-z0-9_.]{1,31})/y;
const URL_HANDLE_RE =
  /(?:https?:\/\/)?(?:www\.)?(t\.me|telegram\.me|wa\.me|instagram\.com|snapchat\.com\/add|onlyfans\.com|twitter\.com|x\.com|tiktok\.com)\/@?\+?([a-z0-9_.]{2,40})/g;
/** Top-level domains of bare domain names taken for links ("anna-escort.ro", "site.nl/anna"). */
const URL_TLDS = ['com', 'nl', 'be', 'de', 'net', 'org', 'eu', 'me', 'io', 'info', 'ro', 'es', 'pl', 'hu', 'bg', 'fr', 'it', 'ru', 'ua', 'app', 'xyz'];
const URL_RE = new RegExp(
  `(?:https?:\\/\\/|www\\.)[^\\s<>"']+|(?<![a-z0-9@.-])[a-z0-9-]+(?:\\.[a-z0-9-]+)*\\.(?:${URL_TLDS.join('|')})(?![a-z0-9])(?:\\/[^\\s<>"']*)?`,
  'g',
);
/** What every match of URL_RE contains: texts without any are not scanned with it. */
const URL_HINTS = ['www.', 'http', ...URL_TLDS.map((tld) => `.${tld}`)];

const URL_PLATFORMS: Record<string, string> = {
  't.me': 'telegram', 'telegram.me': 'telegram', 'wa.me': 'whatsapp', 'instagram.com': 'instagram',
  'snapchat.com/add': 'snapchat', 'onlyfans.com': 'onlyfans', 'twitter.com': 'twitter', 'x.com': 'twitter', 'tiktok.com': 'tiktok',
};

/** Messenger names as written before a handle; short ones need ":" "=" or "@" after them. */
export const PLATFORM_LABELS: Record<string, { platform: string; short: boolean }> = {
  telegram: { platform: 'telegram', short: false }, telegramm: { platform: 'telegram', short: false },
  tg: { platform: 'telegram', short: true }, whatsapp: { platform: 'whatsapp', short: false },
  wa: { platform: 'whatsapp', short: true }, wapp: { platform: 'whatsapp', short: true },
  snapchat: { platform: 'snapchat', short: false }, snap: { platform: 'snapchat', short: true },
  sc: { platform: 'snapchat', short: true }, instagram: { platform: 'instagram', short: false },
  insta: { platform: 'instagram', short: false }, ig: { platform: 'instagram', short: true },
  onlyfans: { platform: 'onlyfans', short: false }, of: { platform: 'onlyfans', short: true },
  twitter: { platform: 'twitter', short: false }, tiktok: { platform: 'tiktok', short: false },
  line: { platform: 'line', short: true }, wechat: { platform: 'wechat', short: false }, kik: { platform: 'kik', short: true },
  signal: { platform: 'signal', short: true }, skype: { platform: 'skype', short: false }, viber: { platform: 'viber', short: false },
};
/** Words standing for "@" in spelled-out e-mail addresses. */
export const AT_WORDS = ['at', 'arroba', 'apenstaartje', 'apestaartje', 'kukac', 'malpa'];

export type LabelHit = { start: number; end: number; platform: string; short: boolean };

function isLocalChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 46 || c === 95 || c === 37 || c === 43 || c === 45;
}
function isBracket(c: number): boolean {
  return c === 40 || c === 41 || c === 91 || c === 93 || c === 123 || c === 125 || c === 60 || c === 62;
}

/** Start of the e-mail local part ending before `at` (spaces and one bracket may separate it), or -1. */
function localPartStart(folded: string, at: number): number {
  let end = at;
  while (end > 0 && (folded.charCodeAt(end - 1) === 32 || isBracket(folded.charCodeAt(end - 1)))) end--;
  let from = end;
  while (from > 0 && isLocalChar(folded.charCodeAt(from - 1))) from--;
  while (from < end && !isAlnum(folded.charCodeAt(from))) from++;
  return from < end ? from : -1;
}
function localPartEnd(folded: string, from: number): number {
  let end = from;
  while (end < folded.length && isLocalChar(folded.charCodeAt(end))) end++;
  return end;
}
function isAlnum(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
}
function skipSpacesAndBrackets(folded: string, at: number): number {
  let i = at;
  while (i < folded.length && (folded.charCodeAt(i) === 32 || isBracket(folded.charCodeAt(i)))) i++;
  return i;
}

function cleanName(name: string): string {
  return name.replace(/[._]+$/, '');
}

/**
 * @param atWords spans of words standing for "@" ("at", "arroba"), from the phrase matcher
 * @param labels messenger names ("telegram", "snap"), from the phrase matcher
 */
export function extractContacts(folded: string, hasAt: boolean, hasSlash: boolean, atWords: Span[], labels: LabelHit[]): Contacts {
  const emails: string[] = [];
  const handles: string[] = [];
  const whatsappNumbers: string[] = [];
  const masks: Mask[] = [];
  const ats: [markerStart: number, markerEnd: number][] = [];
  if (hasAt) for (let i = folded.indexOf('@'); i >= 0; i = folded.indexOf('@', i + 1)) ats.push([i, i + 1]);
  for (const span of atWords) ats.push(span);
  for (const [markerStart, markerEnd] of ats) {
    if (overlaps(masks, markerStart, markerEnd)) continue;
    const from = localPartStart(folded, markerStart);
    if (from < 0) continue;
    const localEnd = localPartEnd(folded, from);
    const domainFrom = skipSpacesAndBrackets(folded, markerEnd);
    // "insta @anna.nl": a space on one side only of a bare "@" is a handle, not a spaced-out e-mail
    if (markerEnd - markerStart === 1 && (localEnd === markerStart) !== (domainFrom === markerEnd)) continue;
    if (PLATFORM_LABELS[folded.slice(from, localEnd)]) continue;
    let email = '';
    let end = -1;
    if (markerEnd - markerStart === 1 && domainFrom === markerEnd && localEnd === markerStart) {
      DOMAIN_STRICT_RE.lastIndex = markerEnd;
      const d = DOMAIN_STRICT_RE.exec(folded);
      if (d) {
        email = `${folded.slice(from, localEnd)}@${d[0]}`;
        end = markerEnd + d[0].length;
      }
    }
    if (!email) {
      DOMAIN_SPELLED_RE.lastIndex = domainFrom;
      const d = DOMAIN_SPELLED_RE.exec(folded);
      if (!d) continue;
      email = `${folded.slice(from, localEnd)}@${d[2] ? `${d[1]}.${d[2]}` : d[1]}.${d[3]}`;
      end = domainFrom + d[0].length;
    }
    emails.push(email.replace(/\.+$/, ''));
    masks.push([from, end, '<email>']);
  }
  if (hasSlash && (folded.includes('.me/') || folded.includes('.com/'))) {
    for (const m of folded.matchAll(URL_HANDLE_RE)) {
      const platform = URL_PLATFORMS[m[1]!]!;
      const name = cleanName(m[2]!);
      if (platform === 'whatsapp' && /^\d{6,}$/.test(name)) whatsappNumbers.push(name);
      else if (name) handles.push(`${platform}:${name}`);
      masks.push([m.index, m.index + m[0].length, platform === 'whatsapp' ? '<phone>' : '<handle>']);
    }
  }
  for (const label of labels) {
    const re = label.short ? LABEL_VALUE_STRICT_RE : LABEL_VALUE_RE;
    re.lastIndex = label.end;
    const m = re.exec(folded);
    if (!m) continue;
    const name = cleanName(m[1]!);
    const end = label.end + m[0].length;
    if (!name || /^[\d.]+$/.test(name) || overlaps(masks, label.start, end)) continue; // numbers are phones
    handles.push(`${label.platform}:${name}`);
    masks.push([label.start, end, '<handle>']);
  }
  if (hasAt) {
    for (let i = folded.indexOf('@'); i >= 0; i = folded.indexOf('@', i + 1)) {
      if ((i > 0 && isLocalChar(folded.charCodeAt(i - 1))) || overlaps(masks, i, i + 1)) continue;
      BARE_HANDLE_RE.lastIndex = i;
      const m = BARE_HANDLE_RE.exec(folded);
      if (!m) continue;
      const name = cleanName(m[1]!);
      if (name && !/^\d+$/.test(name)) handles.push(name);
      masks.push([i, i + m[0].length, '<handle>']);
    }
  }
  if (URL_HINTS.some((hint) => folded.includes(hint))) {
    for (const m of folded.matchAll(URL_RE)) {
      if (!overlaps(masks, m.index, m.index + m[0].length)) masks.push([m.index, m.index + m[0].length, '<url>']);
    }
  }
  return { emails: unique(emails), handles: unique(handles), whatsappNumbers, masks };
}

/** Normalises a handle given in the record ("Telegram: @Anna_X" -> "telegram:anna_x"). */
export function normaliseHandle(raw: string): string {
  const folded = raw.trim().toLowerCase();
  const url = new RegExp(URL_HANDLE_RE.source).exec(folded);
  if (url) return `${URL_PLATFORMS[url[1]!]}:${cleanName(url[2]!)}`;
  const prefixed = /^([a-z]+)\s*[:=]\s*@?\s*([a-z0-9_][a-z0-9_.]*)$/.exec(folded);
  const label = prefixed ? PLATFORM_LABELS[prefixed[1]!] : undefined;
  if (prefixed && label) return `${label.platform}:${cleanName(prefixed[2]!)}`;
  return cleanName(folded.replace(/^@/, ''));
}

function overlaps(spans: Mask[], start: number, end: number): boolean {
  for (const [s, e] of spans) if (start < e && s < end) return true;
  return false;
}

function unique(values: string[]): string[] {
  return values.length < 2 ? values : [...new Set(values)];
}
