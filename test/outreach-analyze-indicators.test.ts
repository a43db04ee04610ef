import { describe, expect, it } from 'vitest';
import { analyzeAd, defaultAnalyzeConfig, type AnalyzeConfig } from '../src/outreach/analyze/analyze-ad.ts';
import { normaliseText } from '../src/outreach/analyze/normalise.ts';
import type { AdRecord, IndicatorHit } from '../src/outreach/types.ts';

function ad(title: string, body = '', extra: Partial<AdRecord> = {}): AdRecord {
  return { id: 'x', source: 'test', title, body, country: 'NL', ...extra };
}

function hit(features: { indicators: IndicatorHit[] }, code: string): IndicatorHit | undefined {
  return features.indicators.find((i) => i.code === code);
}

const weight = (code: string) => defaultAnalyzeConfig.indicators.find((d) => d.code === code)!.weight;

describe('indicator definitions', () => {
  it('weigh tested predictors most, tested non-predictors zero or less, untested signals low', () => {
    for (const d of defaultAnalyzeConfig.indicators) {
      expect(d.source.length, d.code).toBeGreaterThan(10);
      if (d.direction === '-') expect(d.weight, d.code).toBeLessThanOrEqual(0);
      if (d.direction === '?') expect(Math.abs(d.weight), d.code).toBeLessThanOrEqual(0.5);
      if (d.direction === '+') expect(d.weight, d.code).toBeGreaterThanOrEqual(1);
    }
    expect(weight('movement-language')).toBeLessThan(0);
    expect(weight('stated-age-18-23')).toBe(0);
    expect(weight('client-screening')).toBeLessThanOrEqual(0);
  });
});

describe('textual indicators', () => {
  it('reports each indicator with its weight and the span that triggered it (offsets in the normalised text)', () => {
    const record = ad('Nieuw in de stad! Jonge Roemeense meid', "Echte foto's, discreet en veilig. Zonder condoom, 24/7. Onze meiden wachten.");
    const features = analyzeAd(record, 0);
    const normalised = normaliseText(`${record.title}\n${record.body}`).text;
    const expected: [string, string][] = [
      ['movement-language', 'Nieuw in de stad'],
      ['youth-language', 'Jonge'],
      ['nationality-named', 'Roemeense'],
      ['trust-reassurance', "Echte foto's"],
      ['risky-services', 'Zonder condoom'],
      ['availability-24-7', '24/7'],
      ['agency-voice', 'Onze meiden'],
    ];
    for (const [code, evidence] of expected) {
      const h = hit(features, code);
      expect(h, code).toBeDefined();
      expect(h!.evidence).toBe(evidence);
      expect(h!.weight).toBe(weight(code));
      expect(normalised.slice(h!.span![0], h!.span![1])).toBe(evidence);
    }
    expect(hit(features, 'movement-language')!.weight).toBeLessThan(0);
  });

  it('matches case- and diacritic-insensitively, across languages and scripts', () => {
    const cases: [string, string][] = [
      ['BARELY LEGAL teen', 'youth-language'],
      ['fată tânără', 'youth-language'],
      ['fata tanara', 'youth-language'],
      ['nieuw meisje', 'youth-language'],
      ['Młoda i świeża', 'youth-language'],
      ['100% real photos', 'trust-reassurance'],
      ['poze reale', 'trust-reassurance'],
      ['FOTOS REALES', 'trust-reassurance'],
      ['valódi képek', 'trust-reassurance'],
      ['истински снимки', 'trust-reassurance'],
      ['รูปจริง', 'trust-reassurance'],
      ['new in town', 'movement-language'],
      ['alleen deze week', 'movement-language'],
      ['leaving soon', 'movement-language'],
      ['solo esta semana', 'movement-language'],
      ['tylko w tym tygodniu', 'movement-language'],
      ['geen anonieme nummers', 'client-screening'],
      ['serious gentlemen only', 'client-screening'],
      ['dag en nacht', 'availability-24-7'],
      ['non stop', 'availability-24-7'],
      ['without condom', 'risky-services'],
      ['alles mogelijk', 'risky-services'],
      ['bareback', 'risky-services'],
      ['my girls', 'agency-voice'],
      ['our girls', 'agency-voice'],
      ['Romanian', 'nationality-named'],
    ];
    for (const [text, code] of cases) expect(hit(analyzeAd(ad(text), 0), code), `${text} -> ${code}`).toBeDefined();
  });

  it('is whole-word and respects exclusions', () => {
    expect(hit(analyzeAd(ad('jongen en jongens'), 0), 'youth-language')).toBeUndefined();
    expect(hit(analyzeAd(ad('teenage mutant'), 0), 'youth-language')).toBeUndefined();
    expect(hit(analyzeAd(ad('no agency, independent'), 0), 'agency-voice')).toBeUndefined();
    expect(hit(analyzeAd(ad('Thai massage'), 0), 'nationality-named')).toBeUndefined();
    expect(hit(analyzeAd(ad('fresh towels'), 0), 'youth-language')).toBeUndefined();
  });

  it('reports each code once, with its first occurrence', () => {
    const features = analyzeAd(ad('young, fresh, new girl, teen'), 0);
    const youth = features.indicators.filter((i) => i.code === 'youth-language');
    expect(youth).toHaveLength(1);
    expect(youth[0]!.evidence).toBe('young');
  });
});

describe('structural per-ad indicators', () => {
  it('flags obfuscated phones with the written form as evidence', () => {
    const features = analyzeAd(ad('Bel', 'nul zes 1234 5678'), 0);
    expect(hit(features, 'obfuscated-phone')).toMatchObject({ weight: weight('obfuscated-phone'), evidence: 'nul zes 1234 5678' });
    expect(hit(analyzeAd(ad('Bel', '06 1234 5678'), 0), 'obfuscated-phone')).toBeUndefined();
  });

  it('treats stated ages: under 18 raises, 18-23 is reported with weight 0, older is silent', () => {
    expect(hit(analyzeAd(ad('Anna 17 jaar'), 0), 'stated-age-under-18')).toMatchObject({ evidence: '17 jaar' });
    expect(hit(analyzeAd(ad('Anna 21 jaar'), 0), 'stated-age-18-23')).toMatchObject({ weight: 0, evidence: '21 jaar' });
    expect(hit(analyzeAd(ad('x', '', { age: 19 }), 0), 'stated-age-18-23')).toMatchObject({ weight: 0, evidence: 'stated age 19' });
    const older = analyzeAd(ad('Anna 30 jaar'), 0);
    expect(hit(older, 'stated-age-18-23') ?? hit(older, 'stated-age-under-18')).toBeUndefined();
  });

  it('flags an unusually low hourly price in euro-like currencies only', () => {
    expect(hit(analyzeAd(ad('1 uur 40 euro'), 0), 'low-price')).toMatchObject({ weight: weight('low-price') });
    expect(hit(analyzeAd(ad('1 uur 150 euro'), 0), 'low-price')).toBeUndefined();
    expect(hit(analyzeAd(ad('1 ora 40 lei'), 0), 'low-price')).toBeUndefined();
  });
});

describe('configuration', () => {
  it('switches indicators off, reweights them and takes extra lexicon phrases', () => {
    const config: AnalyzeConfig = {
      ...defaultAnalyzeConfig,
      indicators: defaultAnalyzeConfig.indicators
        .filter((d) => d.code !== 'availability-24-7')
        .map((d) => (d.code === 'youth-language' ? { ...d, weight: 2.5 } : d)),
      indicatorPhrases: {
        ...defaultAnalyzeConfig.indicatorPhrases,
        'youth-language': { ...defaultAnalyzeConfig.indicatorPhrases['youth-language'], nl: ['piepjong'] },
      },
    };
    const features = analyzeAd(ad('piepjong, 24/7 beschikbaar'), 0, config);
    expect(hit(features, 'youth-language')).toMatchObject({ weight: 2.5, evidence: 'piepjong' });
    expect(hit(features, 'availability-24-7')).toBeUndefined();
    expect(hit(analyzeAd(ad('piepjong, 24/7'), 0), 'youth-language')).toBeUndefined();
  });
});

describe('templateText', () => {
  it('masks identifiers, numbers, names and cities; lower-cases and strips Latin diacritics', () => {
    const features = analyzeAd(
      ad('Nieuw in Utrecht! Lieve Anna 💋', 'Hoi, ik ben Anna, 21 jaar. Bel 06-12345678 of mail anna@gmail.com, telegram: @anna_x. Privé & discreet. www.sexjobs.nl/anna', { city: 'Utrecht' }),
      0,
    );
    expect(features.templateText).toBe(
      'nieuw in <city> lieve <name> hoi ik ben <name> <num> jaar bel <phone> of mail <email> <handle> prive discreet <url>',
    );
  });

  it('masks bare domain names of every listed top-level domain as links', () => {
    const cases = [['anna-escort.ro', ''], ['chicas.es/madrid', ''], ['roxy.pl!', ''], ['site.xyz/a?b=1 kus', ' kus'], ['Lola.BG', '']] as const;
    for (const [written, after] of cases) {
      expect(analyzeAd(ad('Nieuw', `Foto's op ${written}`), 0).templateText).toBe(`nieuw foto s op <url>${after}`);
    }
  });

  it('gives the same template to reposts with another phone, name, city, age and emoji', () => {
    const a = analyzeAd(ad('Sexy Anna in Amsterdam 💋', 'Ik ben Anna (22). Bel 0612345678, 150 euro.'), 0);
    const b = analyzeAd(ad('Sexy Bella in Rotterdam 🔥🔥', 'Ik ben Bella (25). Bel 06-87654321, 200 euro!'), 0);
    expect(a.templateText).toBe(b.templateText);
  });

  it('keeps Thai, Cyrillic and Chinese letters', () => {
    expect(analyzeAd(ad('สาวไทยน่ารัก โทร 0612345678'), 0).templateText).toBe('สาวไทยน่ารัก โทร <phone>');
    expect(analyzeAd(ad('Новенькая в городе, звони 0612345678'), 0).templateText).toBe('новенькая в городе звони <phone>');
    expect(analyzeAd(ad('新到美女，真实照片'), 0).templateText).toBe('新到美女 真实照片');
  });
});
