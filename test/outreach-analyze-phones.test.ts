import fc from 'fast-check';
import { isValidPhoneNumber } from 'libphonenumber-js/max';
import { describe, expect, it } from 'vitest';
import { analyzeAd } from '../src/outreach/analyze/analyze-ad.ts';
import { normaliseText } from '../src/outreach/analyze/normalise.ts';
import { clearPhoneCache, parseDigits, parseUncached, phoneCacheSize, toRegion } from '../src/outreach/analyze/phones.ts';
import { digitWords } from '../src/outreach/lexicons/digit-words.ts';
import type { AdRecord } from '../src/outreach/types.ts';

function ad(body: string, extra: Partial<AdRecord> = {}): AdRecord {
  return { id: 'a1', source: 'test', title: '', body, country: 'NL', ...extra };
}

describe('normaliseText', () => {
  it('maps emoji keycaps, full-width, circled, Arabic-Indic and Thai digits to ASCII and reports them', () => {
    const cases: [string, string][] = [
      ['0️⃣6️⃣', '06'],
      ['3⃣4⃣', '34'],
      ['０６１２', '0612'],
      ['①②⓪', '120'],
      ['٠٦١٢', '0612'],
      ['۰۶', '06'],
      ['๐๖๑๒', '0612'],
      ['𝟎𝟔', '06'],
      ['❶❷', '12'],
    ];
    for (const [raw, expected] of cases) {
      const { text, obfuscatedDigits } = normaliseText(`tel ${raw}!`);
      expect(text).toBe(`tel ${expected}!`);
      expect(obfuscatedDigits).toEqual([...expected].map((_, i) => 4 + i));
    }
  });

  it('leaves plain ASCII alone, replaces control characters and drops zero-width characters', () => {
    expect(normaliseText('06-12345678')).toEqual({ text: '06-12345678', obfuscatedDigits: [] });
    expect(normaliseText('a\u0000b\u0007c').text).toBe('a b c');
    expect(normaliseText('a\u007fb').text).toBe('a b'); // DEL and C1 controls too
    expect(normaliseText('a\u0085b').text).toBe('a b');
    expect(normaliseText('06\u200b12\u00ad34').text).toBe('061234');
    expect(normaliseText('ﬁne café').text).toBe('fine café'); // NFKC
  });
});

describe('phones in ad text', () => {
  it('returns E.164 with the ad country as default region', () => {
    expect(analyzeAd(ad('Bel 06-12345678 nu'), 0).phones).toEqual(['+31612345678']);
    expect(analyzeAd(ad('Bel 0470 12 34 56', { country: 'BE' }), 0).phones).toEqual(['+32470123456']);
    expect(analyzeAd(ad('Ruf 0151 12345678 an', { country: 'DE' }), 0).phones).toEqual(['+4915112345678']);
    expect(analyzeAd(ad('suna 0712 345 678', { country: 'RO' }), 0).phones).toEqual(['+40712345678']);
    expect(analyzeAd(ad('call +44 7911 123456 today', { country: 'NL' }), 0).phones).toEqual(['+447911123456']);
  });

  it('defaults to NL without a country and tries neighbouring regions for national numbers', () => {
    expect(analyzeAd(ad('bel 0612345678', { country: undefined }), 0).phones).toEqual(['+31612345678']);
    expect(analyzeAd(ad('bel 0612345678', { country: 'BE' }), 0).phones).toEqual(['+31612345678']);
  });

  it('reads international numbers written with 00, without + and with (0)', () => {
    expect(analyzeAd(ad('0031 6 1234 5678'), 0).phones).toEqual(['+31612345678']);
    expect(analyzeAd(ad('31612345678'), 0).phones).toEqual(['+31612345678']);
    expect(analyzeAd(ad('+31 (0)6 1234 5678'), 0).phones).toEqual(['+31612345678']);
  });

  it('does not take prices, dates, times or short numbers for phones', () => {
    const features = analyzeAd(ad('Open 10:00-22:00, 150 euro, 12-05-2024, postcode 1012 AB, 24/7'), 0);
    expect(features.phones).toEqual([]);
  });

  it('separates a number from neighbouring numbers and spelled words', () => {
    expect(analyzeAd(ad('Anna 23 0612345678 of 0687654321'), 0).phones).toEqual(['+31612345678', '+31687654321']);
    expect(analyzeAd(ad('bel een 06 1234 5678 een keer'), 0).phones).toEqual(['+31612345678']);
    expect(analyzeAd(ad('bel 06 1234 5678 een keer'), 0).obfuscatedPhones).toEqual([]);
  });

  it('recovers spelled-out numbers in Dutch, English, Romanian, Spanish and Polish and flags them', () => {
    const written = [
      'nul zes een twee drie vier vijf zes zeven acht',
      'zero six one two three four five six seven eight',
      'oh six one two three four five six seven eight',
      'zero șase unu doi trei patru cinci șase șapte opt',
      'cero seis uno dos tres cuatro cinco seis siete ocho',
      'zero sześć jeden dwa trzy cztery pięć sześć siedem osiem',
      'null sechs eins zwei drei vier fünf sechs sieben acht',
      'nulla hat egy kettő három négy öt hat hét nyolc',
      'нула шест едно две три четири пет шест седем осем',
    ];
    for (const w of written) {
      const features = analyzeAd(ad(`Bel: ${w}!`), 0);
      expect(features.phones, w).toEqual(['+31612345678']);
      expect(features.obfuscatedPhones, w).toEqual(['+31612345678']);
    }
  });

  it('recovers letters used as digits only between digits', () => {
    expect(analyzeAd(ad('bel O6 l2345678'), 0).phones).toEqual(['+31612345678']);
    expect(analyzeAd(ad('bel 06 I2 3S 67 B9'), 0).phones).toEqual(['+31612356789']);
    expect(analyzeAd(ad('bel 06 I2 3S 67 B9'), 0).obfuscatedPhones).toEqual(['+31612356789']);
    // "|" may also be a separator: the number is still found
    expect(analyzeAd(ad('bel 06|12345678'), 0).phones).toEqual(['+31612345678']);
    // words next to a number are not digits
    expect(analyzeAd(ad('Bel 0612345678 Snel'), 0).phones).toEqual(['+31612345678']);
    expect(analyzeAd(ad('Bel 0612345678 Snel'), 0).obfuscatedPhones).toEqual([]);
  });

  it('reads "plus" and a separated "+", letter groups before and after the digits, comma lists', () => {
    const cases: [string, string, string][] = [
      ['Tel. plus four nine one five one four oh nine seven one nine six five', 'NL', '+4915140971965'],
      ['Tel. + / 3 / 4 / 6 / 5 / 8 / 3 / 0 / 9 / 7 / 2 / 5 bye', 'DE', '+34658309725'],
      ['WhatsApp +.2.3.4.8.0.6.8.3.3.7.2.6.5', 'NL', '+2348068337265'],
      ['Bel mij: OO3l6 58l9O255 Tot snel', 'NL', '+31658190255'],
      ['Bellen: o644 acht 7 zes drie ol Ik wacht', 'NL', '+31644876301'],
      ['WhatsApp +3, één, 6, vijf, zeven, vier, O, vier, 8, zeven, 3 Liefs', 'NL', '+31657404873'],
      ['Tel. o, six, five, oo6, one, 4, eight, 1 bye', 'NL', '+31650061481'],
    ];
    for (const [text, country, e164] of cases) {
      const features = analyzeAd(ad(text, { country }), 0);
      expect(features.phones, text).toEqual([e164]);
      expect(features.obfuscatedPhones, text).toEqual([e164]);
    }
  });

  it('does not read opening hours as phone numbers, whatever the region', () => {
    for (const country of ['NL', 'BE', 'DE', 'RO']) {
      const features = analyzeAd(ad('Maandag t/m zaterdag, 11:00 - 18:00. WhatsApp +32 470 91 11 87', { country }), 0);
      expect(features.phones, country).toEqual(['+32470911187']);
      expect(features.obfuscatedPhones, country).toEqual([]);
    }
  });

  it('flags unusual separators and digit-by-digit spacing, not ordinary formatting', () => {
    const flagged = ['06💋1234💋5678', '06*12*34*56*78', '06_1234_5678', '0 6 1 2 3 4 5 6 7 8', '06 ~ 1234 ~ 5678', '06 -- 12 -- 34 -- 56 -- 78'];
    for (const w of flagged) expect(analyzeAd(ad(`tel ${w} ok`), 0).obfuscatedPhones, w).toEqual(['+31612345678']);
    const plain = ['06-12345678', '06 1234 5678', '06 12 34 56 78', '06.12.34.56.78', '(06) 12345678', '+31 6 1234 5678', '+31 (0)6 12345678', '0612345678'];
    for (const w of plain) {
      const features = analyzeAd(ad(`tel ${w} ok`), 0);
      expect(features.phones, w).toEqual(['+31612345678']);
      expect(features.obfuscatedPhones, w).toEqual([]);
    }
  });

  it('parses the record phones (obfuscated too) instead of the text when given', () => {
    const features = analyzeAd(ad('bel 0687654321', { phones: ['nul zes 1234 5678', '+32 470 12 34 56'] }), 0);
    expect(features.phones).toEqual(['+31612345678', '+32470123456']);
    expect(features.obfuscatedPhones).toEqual(['+31612345678']);
    expect(features.indicators.find((i) => i.code === 'obfuscated-phone')?.evidence).toBe('nul zes 1234 5678');
    // unparsable record phones: fall back to the text
    expect(analyzeAd(ad('bel 0687654321', { phones: ['call me'] }), 0).phones).toEqual(['+31687654321']);
  });

  it('takes WhatsApp links as phone numbers', () => {
    expect(analyzeAd(ad('app me: https://wa.me/31612345678'), 0).phones).toEqual(['+31612345678']);
  });
});

// ---- property: any valid number, written with any mix of obfuscations, is recovered and flagged ----

const COUNTRIES = {
  NL: { code: '31', national: fc.stringMatching(/^6[0-9]{8}$/) },
  BE: { code: '32', national: fc.stringMatching(/^4[6-9][0-9]{7}$/) },
  DE: { code: '49', national: fc.stringMatching(/^1(?:5[1279]|6[023]|7[0-9])[0-9]{8}$/) },
  RO: { code: '40', national: fc.stringMatching(/^7[2-9][0-9]{7}$/) },
} as const;
type Country = keyof typeof COUNTRIES;

const validNumber = fc
  .constantFrom<Country>('NL', 'BE', 'DE', 'RO')
  .chain((country) => COUNTRIES[country].national.map((nsn) => ({ country, e164: `+${COUNTRIES[country].code}${nsn}`, nsn })))
  .filter(({ e164 }) => isValidPhoneNumber(e164));

type Form = 'plain' | 'keycap' | 'fullwidth' | 'arabic' | 'thai' | 'circled' | 'word' | 'letter';
const FORMS: Form[] = ['keycap', 'fullwidth', 'arabic', 'thai', 'circled', 'word', 'letter'];
const WORD_LANGS = Object.keys(digitWords);
const LETTERS: Record<string, string[]> = { '0': ['O', 'o'], '1': ['l', 'I'], '5': ['S'], '8': ['B'] };
const ODD_SEPARATORS = [' 💋 ', '*', '_', ' ❤️ ', '•', '~', ' * '];
const PLAIN_SEPARATORS = ['', ' ', '-', '.', '/'];

function writeDigit(d: string, form: Form, lang: string): string {
  const v = Number(d);
  switch (form) {
    case 'keycap': return `${d}\uFE0F\u20E3`;
    case 'fullwidth': return String.fromCharCode(0xff10 + v);
    case 'arabic': return String.fromCharCode(0x0660 + v);
    case 'thai': return String.fromCharCode(0x0e50 + v);
    case 'circled': return v === 0 ? '\u24EA' : String.fromCharCode(0x2460 + v - 1);
    case 'word': return Object.entries(digitWords[lang]!).find(([, n]) => n === v)![0];
    case 'letter': return LETTERS[d]![0]!;
    default: return d;
  }
}

const obfuscatedWriting = fc.record({
  number: validNumber,
  international: fc.boolean(),
  forms: fc.array(fc.constantFrom<Form>('plain', 'plain', 'plain', ...FORMS), { minLength: 16, maxLength: 16 }),
  separators: fc.array(fc.constantFrom(...PLAIN_SEPARATORS, ...ODD_SEPARATORS), { minLength: 16, maxLength: 16 }),
  lang: fc.constantFrom(...WORD_LANGS),
  forced: fc.constantFrom<Form | 'odd-separator'>(...FORMS.filter((f) => f !== 'letter'), 'odd-separator'),
  forcedAt: fc.nat(),
  /** Only the forced step, everything else plain (one keycap digit in an ordinary number ...). */
  light: fc.boolean(),
});

/** Writes the number with random obfuscations; at least one step is always applied. */
function renderObfuscated(w: {
  number: { e164: string; nsn: string; country: Country };
  international: boolean;
  forms: Form[];
  separators: string[];
  lang: string;
  forced: Form | 'odd-separator';
  forcedAt: number;
  light: boolean;
}): string {
  const digits = w.international ? [...`${COUNTRIES[w.number.country].code}${w.number.nsn}`] : [...`0${w.number.nsn}`];
  const forms = digits.map((_, i) => (w.light ? 'plain' : w.forms[i % w.forms.length]!));
  const seps = digits.map((_, i) => (i === 0 || w.light ? (i === 3 ? ' ' : '') : w.separators[i % w.separators.length]!));
  const at = w.forcedAt % digits.length;
  if (w.forced === 'odd-separator') seps[Math.max(1, at)] = ' 💋 ';
  else forms[at] = w.forced;
  // letters only strictly between two ASCII digits, touching them
  for (let i = 0; i < digits.length; i++) {
    if (forms[i] !== 'letter') continue;
    const ok = LETTERS[digits[i]!] && i > 0 && i < digits.length - 1 && forms[i - 1] === 'plain' && forms[i + 1] === 'plain';
    if (ok) {
      seps[i] = '';
      seps[i + 1] = '';
    } else forms[i] = 'keycap';
  }
  let out = w.international ? '+' : '';
  for (let i = 0; i < digits.length; i++) {
    let sep = seps[i]!;
    if ((forms[i] === 'word' || forms[i - 1] === 'word') && (sep === '' || sep === '.' || sep === '/')) sep = ' ';
    out += sep + writeDigit(digits[i]!, forms[i]!, w.lang);
  }
  return out;
}

const plainWriting = fc.record({
  number: validNumber,
  international: fc.boolean(),
  groups: fc.array(fc.integer({ min: 2, max: 4 }), { minLength: 8, maxLength: 8 }),
  separator: fc.constantFrom(' ', '-', '.', '/', ''),
});

function renderPlain(w: { number: { e164: string; nsn: string; country: Country }; international: boolean; groups: number[]; separator: string }): string {
  const national = w.international ? w.number.nsn : `0${w.number.nsn}`;
  const parts: string[] = [];
  let i = 0;
  for (const size of w.groups) {
    if (i >= national.length) break;
    parts.push(national.slice(i, i + size));
    i += size;
  }
  if (i < national.length) parts.push(national.slice(i));
  const body = parts.join(w.separator);
  return w.international ? `+${COUNTRIES[w.number.country].code} ${body}` : body;
}

describe('phone property tests', () => {
  it('recovers any obfuscated NL/BE/DE/RO number and flags it', () => {
    fc.assert(
      fc.property(obfuscatedWriting, fc.constantFrom('', 'Anna 💋 ', 'Call me: '), (w, prefix) => {
        const written = renderObfuscated(w);
        const country = w.international ? 'NL' : w.number.country;
        const features = analyzeAd(ad(`${prefix}${written} !`, { country }), 0);
        expect(features.phones, written).toContain(w.number.e164);
        expect(features.obfuscatedPhones, written).toContain(w.number.e164);
        expect(features.indicators.some((i) => i.code === 'obfuscated-phone')).toBe(true);
        // the same writing given in the record's phones
        const fromRecord = analyzeAd(ad('', { country, phones: [written] }), 0);
        expect(fromRecord.obfuscatedPhones, written).toEqual([w.number.e164]);
      }),
      { numRuns: 400 },
    );
  });

  it('recovers plainly written numbers and does not flag them', () => {
    fc.assert(
      fc.property(plainWriting, (w) => {
        const written = renderPlain(w);
        const country = w.international ? 'RO' : w.number.country;
        const features = analyzeAd(ad(`Bel: ${written} !`, { country }), 0);
        expect(features.phones, written).toEqual([w.number.e164]);
        expect(features.obfuscatedPhones, written).toEqual([]);
        expect(features.indicators.some((i) => i.code === 'obfuscated-phone')).toBe(false);
      }),
      { numRuns: 300 },
    );
  });
});

describe('listed phones that are plain digits', () => {
  // They are read directly (find-phones.ts); with a zero-width space after them (which normalisation
  // removes) the same digits take the general path. Both must give the same numbers, for valid and
  // invalid digit strings alike.
  it('give what the general path gives (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('', '+', '00', '0', '06', '+31', '+32 ', '+49'),
        fc.stringMatching(/^[0-9]{6,15}$/),
        fc.constantFrom('NL', 'BE', 'DE', 'RO', ''),
        (prefix, digits, country) => {
          const plain = `${prefix.trim()}${digits}`;
          const direct = analyzeAd(ad('bel 0687654321', { country, phones: [plain] }), 0);
          const general = analyzeAd(ad('bel 0687654321', { country, phones: [`${plain}\u200b`] }), 0);
          expect(direct.phones, plain).toEqual(general.phones);
          expect(direct.obfuscatedPhones, plain).toEqual(general.obfuscatedPhones);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('phone parse cache', () => {
  const regions = ['NL', 'BE', 'DE'] as const;
  // Digit strings near real numbers (mobile and landline prefixes of the three regions, international
  // prefixes, too short and too long) so that valid and invalid readings both occur.
  const digits = fc
    .tuple(fc.constantFrom('06', '010', '020', '04', '0032', '0049', '31', '32', '49', '0', '1', '9'), fc.stringMatching(/^[0-9]{3,13}$/))
    .map(([prefix, rest]) => (prefix + rest).slice(0, 17));
  const query = fc.record({ digits, plus: fc.boolean(), region: fc.constantFrom(...regions), fallback: fc.boolean() });

  it('answers exactly as parsing without the cache, on first sight and on repeats, across contexts (property)', () => {
    fc.assert(
      fc.property(fc.array(query, { minLength: 1, maxLength: 30 }), (queries) => {
        clearPhoneCache();
        // Each query twice, interleaved with the others: the second answer comes from the cache.
        for (const q of [...queries, ...queries.slice().reverse()]) {
          const fallbacks = q.fallback ? regions : [];
          expect(parseDigits(q.digits, q.plus, q.region, fallbacks)).toBe(parseUncached(q.digits, q.plus, q.region, fallbacks));
        }
      }),
      { numRuns: 60 },
    );
  });

  it('keeps the same digits apart by region, "+" and fallback, and counts what it holds', () => {
    clearPhoneCache();
    expect(parseDigits('0612345678', false, 'NL', [])).toBe('+31612345678');
    expect(parseDigits('0612345678', false, 'BE', [])).toBe(parseUncached('0612345678', false, 'BE', []));
    expect(parseDigits('31612345678', true, 'BE', [])).toBe('+31612345678');
    expect(parseDigits('31612345678', false, 'NL', [])).toBe(parseUncached('31612345678', false, 'NL', []));
    expect(phoneCacheSize()).toBe(4);
    expect(parseDigits('0612345678', false, 'NL', [])).toBe('+31612345678');
    expect(phoneCacheSize()).toBe(4);
    clearPhoneCache();
    expect(phoneCacheSize()).toBe(0);
    expect(parseDigits('0612345678', false, 'NL', [])).toBe('+31612345678');
  });
});

describe('toRegion', () => {
  it("reads the ad's country, else the fallback, else NL, the same however often and in whatever order it is asked", () => {
    const cases: [string | null | undefined, string, string][] = [
      ['nl', 'DE', 'NL'], [' be ', 'NL', 'BE'], ['XX', 'DE', 'DE'], [null, 'DE', 'DE'], [undefined, 'BE', 'BE'],
      ['', 'ZZ', 'NL'], ['Nederland', 'NL', 'NL'], ['ro', 'NL', 'RO'], ['XX', 'ZZ', 'NL'],
    ];
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: cases.length - 1 }), { maxLength: 30 }), (order) => {
        for (const k of order) {
          const [country, fallback, expected] = cases[k]!;
          expect(toRegion(country, fallback)).toBe(expected);
        }
      }),
    );
  });
});
