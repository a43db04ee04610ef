import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkSender, checkTemplate, findRevealingWords, normaliseForMatch, renderMessage } from '../src/outreach-work/contact/safety-rules.ts';
import { OUTREACH_LANGUAGES, REVEALING_WORDS, type OutreachLanguage } from '../src/outreach-work/contact/safety-words.ts';

const chatLink = 'https://chat.example.org/hi';
const check = (language: string, body: string) => checkTemplate({ language, body }, { chatLink });
const codes = (language: string, body: string) => check(language, body).map((p) => p.code);

/** A neutral first message per language, as a native speaker would write it. */
const SAFE: Record<OutreachLanguage, string> = {
  nl: 'Hoi! Ik zag je advertentie. Zin om even te kletsen? Je kunt me hier anoniem bereiken: {chatLink}',
  en: 'Hi! I saw your ad. Fancy a chat? You can reach me here, no strings attached: {chatLink}',
  ro: 'Bună! Am văzut anunțul tău. Vrei să vorbim puțin? Îmi poți scrie aici: {chatLink}',
  es: 'Hola, vi tu anuncio. ¿Te apetece hablar un rato? Puedes escribirme aquí: {chatLink}',
  hu: 'Szia! Láttam a hirdetésed. Van kedved beszélgetni? Itt írhatsz nekem: {chatLink}',
  bg: 'Здравей! Видях обявата ти. Искаш ли да си поговорим? Пиши ми тук: {chatLink}',
  pl: 'Cześć! Widziałam twoje ogłoszenie. Masz ochotę pogadać? Napisz do mnie tutaj: {chatLink}',
  th: 'สวัสดีค่ะ เห็นประกาศของคุณแล้ว อยากคุยกันไหมคะ ทักมาได้ที่นี่ {chatLink}',
};

/** One revealing word per language, inflected or with diacritics as a writer would type it. */
const REVEALING: Record<OutreachLanguage, string> = {
  nl: 'Slachtoffers',
  en: 'trafficking',
  ro: 'poliția',
  es: 'Denúncialo',
  hu: 'rendőrség',
  bg: 'Полицията',
  pl: 'policji',
  th: 'ตำรวจ',
};

const FILLER: Record<OutreachLanguage, string> = {
  nl: ' Groetjes en een fijne dag nog.',
  en: ' Have a lovely day.',
  ro: ' O zi frumoasă.',
  es: ' Que tengas un buen día.',
  hu: ' Szép napot kívánok.',
  bg: ' Хубав ден.',
  pl: ' Miłego dnia.',
  th: ' ขอให้มีวันที่ดีนะคะ',
};

describe('safety rules, per language', () => {
  describe.each(OUTREACH_LANGUAGES)('%s', (language) => {
    it('accepts a neutral, short message with the chat link', () => {
      expect(check(language, SAFE[language])).toEqual([]);
    });

    it('(a) refuses a message longer than one SMS once the chat link is filled in', () => {
      let body = SAFE[language];
      while ([...renderMessage(body, chatLink)].length <= 160) body += FILLER[language];
      const problems = check(language, body);
      expect(problems.map((p) => p.code)).toEqual(['too-long']);
      expect(problems[0]!.message).toMatch(/at most 160/);
      // The same text is fine when the chat link is short enough: length counts the filled-in link.
      const shortLink = checkTemplate({ language, body: SAFE[language] }, { chatLink: `https://c.example/${'x'.repeat(200)}` });
      expect(shortLink.map((p) => p.code)).toEqual(['too-long']);
    });

    it('(b) refuses a word that reveals the purpose, naming the word and its language', () => {
      const problems = check(language, `${REVEALING[language]} ${SAFE[language]}`);
      expect(problems.map((p) => p.code)).toEqual(['revealing-word']);
      expect(problems[0]!.word).toBe(REVEALING[language]);
      expect(problems[0]!.language).toBe(language);
      expect(problems[0]!.message).toContain(REVEALING[language]);
    });

    it('(b) refuses revealing words of the other languages too', () => {
      for (const other of OUTREACH_LANGUAGES) {
        const problems = check(language, `${SAFE[language]} ${REVEALING[other]}`);
        expect(problems.filter((p) => p.code === 'revealing-word').map((p) => p.language), `${other} word in a ${language} message`).toEqual([other]);
      }
    });

    it('(c) refuses placeholders other than {chatLink}, phone numbers, e-mail addresses, handles and other links', () => {
      expect(codes(language, SAFE[language].replace('{chatLink}', '{name} {chatLink}'))).toEqual(['placeholder-not-allowed']);
      expect(codes(language, `{city} {age} ${SAFE[language]}`)).toEqual(['placeholder-not-allowed', 'placeholder-not-allowed']);
      expect(codes(language, `${SAFE[language]} 06-1234 5678`)).toEqual(['phone-number']);
      expect(codes(language, `${SAFE[language]} +40 712 345 678`)).toEqual(['phone-number']);
      expect(codes(language, `${SAFE[language]} hi@x.nl`)).toEqual(['email-address']);
      expect(codes(language, `${SAFE[language]} @anna_x`)).toEqual(['handle']);
      expect(codes(language, `${SAFE[language]} https://other.example.com/x`)).toEqual(['url-not-allowed']);
      expect(codes(language, `${SAFE[language]} www.example.com`)).toEqual(['url-not-allowed']);
      expect(codes(language, `${SAFE[language]} example.nl`)).toEqual(['url-not-allowed']);
      // Prices, times and the programme's own link written out are fine.
      expect(codes(language, SAFE[language].replace('{chatLink}', `${chatLink} 10:30`))).toEqual([]);
    });

    it('(d) refuses a message without a way to talk', () => {
      const problems = check(language, SAFE[language].replace('{chatLink}', ''));
      expect(problems.map((p) => p.code)).toEqual(['no-way-to-talk']);
    });
  });

  it('refuses an empty message and an unsupported language', () => {
    expect(codes('nl', '   ')).toEqual(['empty']);
    expect(codes('fr', SAFE.en)).toEqual(['unsupported-language']);
  });

  it('matches on word boundaries in spaced scripts, so innocent words that contain a stem are fine', () => {
    expect(findRevealingWords('Hi, I saw your ad; my shelf is full of cops')).toEqual([{ word: 'cops', language: 'en' }]);
    expect(findRevealingWords('scoperta report')).toEqual([{ word: 'report', language: 'en' }]);
    expect(findRevealingWords('Zin om te kletsen, groetjes')).toEqual([]);
    // Phrases match whole words in sequence only.
    expect(findRevealingWords('trata de personas')[0]).toEqual({ word: 'trata de personas', language: 'es' });
    expect(findRevealingWords('se trata de nosotras')).toEqual([]);
  });

  it('matches Thai by substring, inside longer runs without spaces', () => {
    expect(findRevealingWords('สวัสดีค่ะตำรวจอยู่ไหม')).toEqual([{ word: 'ตำรวจ', language: 'th' }]);
  });

  it('normalises case and diacritics the same way for text and word lists', () => {
    expect(normaliseForMatch('POLIȚIA Łódź ÁLDOZAT Й')).toBe('politia lodz aldozat и');
    // A word shared by several languages is reported for each of them.
    expect(findRevealingWords('VÍCTIMA')).toEqual(['en', 'ro', 'es'].map((language) => ({ word: 'VÍCTIMA', language })));
  });

  it('checks the sender name against the same lists', () => {
    expect(checkSender('Info')).toEqual([]);
    expect(checkSender('Stop Trafficking')).toEqual([expect.objectContaining({ code: 'revealing-sender', word: 'Trafficking', language: 'en' })]);
    expect(checkSender('Politie NL')[0]!.language).toBe('nl');
  });
});

const LATIN_OR_CYRILLIC = /[\p{Script=Latin}\p{Script=Cyrillic}]/u;
const MARKS = ['\u0301', '\u0308', '\u0327', '\u0306', '\u0303', '\u030c', '\u0326'];

/** A forbidden word as a writer might type it: any mix of upper and lower case, any added accents. */
const disguised = (word: string) =>
  fc.array(fc.tuple(fc.boolean(), fc.option(fc.constantFrom(...MARKS), { nil: undefined })), { minLength: word.length, maxLength: word.length }).map((choices) =>
    [...word]
      .map((c, i) => {
        const [upper, mark] = choices[i] ?? [false, undefined];
        const cased = upper ? c.toUpperCase() : c;
        return mark && LATIN_OR_CYRILLIC.test(c) ? cased + mark : cased;
      })
      .join('')
      .normalize('NFC'),
  );

const forbidden = fc.constantFrom(...OUTREACH_LANGUAGES.flatMap((language) => REVEALING_WORDS[language].map((entry) => ({ language, word: entry.replace(/\*$/, '') }))));

describe('safety rules, property', () => {
  it('refuses any safe template with a forbidden word inserted, in any casing and diacritics', () => {
    const disguisedEntry = forbidden.chain((entry) => disguised(entry.word).map((variant) => ({ ...entry, variant })));
    fc.assert(
      fc.property(fc.constantFrom(...OUTREACH_LANGUAGES), disguisedEntry, fc.nat(), (language, entry, at) => {
        const parts = SAFE[language].split(' ');
        const index = at % (parts.length + 1);
        const body = [...parts.slice(0, index), entry.variant, ...parts.slice(index)].join(' ');
        const problems = check(language, body);
        expect(problems.some((p) => p.code === 'revealing-word' && p.language === entry.language), body).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});
