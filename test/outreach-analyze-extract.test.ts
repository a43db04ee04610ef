import { describe, expect, it } from 'vitest';
import { analyzeAd } from '../src/outreach/analyze/analyze-ad.ts';
import type { AdRecord } from '../src/outreach/types.ts';

function ad(body: string, extra: Partial<AdRecord> = {}): AdRecord {
  return { id: 'x', source: 'test', title: '', body, country: 'NL', ...extra };
}

describe('e-mail addresses', () => {
  it('finds plain and spelled-out forms, lower-cased', () => {
    const cases: [string, string][] = [
      ['mail Anna.B@Gmail.com nu', 'anna.b@gmail.com'],
      ['mail anna at gmail dot com', 'anna@gmail.com'],
      ['mail anna (at) hotmail (dot) nl', 'anna@hotmail.nl'],
      ['mail anna[at]live[dot]be', 'anna@live.be'],
      ['mail anna @ gmail . com', 'anna@gmail.com'],
      ['scrie-mi la ioana arroba yahoo punto es', 'ioana@yahoo.es'],
      ['mail anna apenstaartje ziggo punt nl', 'anna@ziggo.nl'],
      ['e-mail: kasia malpa wp kropka pl', 'kasia@wp.pl'],
      ['mail anna at mail dot yahoo dot com', 'anna@mail.yahoo.com'],
    ];
    for (const [text, email] of cases) expect(analyzeAd(ad(text), 0).emails, text).toEqual([email]);
  });

  it('does not read ordinary "at" sentences or handles as e-mails', () => {
    expect(analyzeAd(ad('I am at home at 10 pm. Come at night'), 0).emails).toEqual([]);
    expect(analyzeAd(ad('telegram @anna_x'), 0).emails).toEqual([]);
  });

  it('merges e-mails given in the record', () => {
    expect(analyzeAd(ad('mail anna@gmail.com', { emails: [' Anna@Gmail.com', 'B@x.nl'] }), 0).emails).toEqual(['anna@gmail.com', 'b@x.nl']);
  });
});

describe('messenger handles', () => {
  it('prefixes the platform when it is named or linked', () => {
    const cases: [string, string[]][] = [
      ['Telegram: @Anna_X', ['telegram:anna_x']],
      ['tg: annax', ['telegram:annax']],
      ['snapchat anna_x99', ['snapchat:anna_x99']],
      ['Snap: sexy.anna', ['snapchat:sexy.anna']],
      ['insta @anna.nl', ['instagram:anna.nl']],
      ['https://t.me/anna_vip en www.instagram.com/anna.nl', ['telegram:anna_vip', 'instagram:anna.nl']],
      ['onlyfans.com/annax', ['onlyfans:annax']],
      ['OF: annax', ['onlyfans:annax']],
      ['volg @anna_x', ['anna_x']],
    ];
    for (const [text, handles] of cases) expect(analyzeAd(ad(text), 0).handles, text).toEqual(handles);
  });

  it('does not take ordinary words after platform-like words, nor phone numbers, for handles', () => {
    expect(analyzeAd(ad('one of the best, line up, signal me'), 0).handles).toEqual([]);
    expect(analyzeAd(ad('whatsapp: 0612345678'), 0).handles).toEqual([]);
    expect(analyzeAd(ad('whatsapp: 0612345678'), 0).phones).toEqual(['+31612345678']);
    expect(analyzeAd(ad('mail anna@gmail.com'), 0).handles).toEqual([]);
  });

  it('normalises handles given in the record', () => {
    expect(analyzeAd(ad('', { handles: ['Telegram: @Anna_X', '@Bella', 'https://t.me/Cara'] }), 0).handles).toEqual([
      'telegram:anna_x',
      'bella',
      'telegram:cara',
    ]);
  });
});

describe('stated age', () => {
  it('reads ages in several languages and from the record', () => {
    const cases: [string, number][] = [
      ['Anna, 23 years old', 23],
      ['ik ben 21 jaar', 21],
      ['am 22 de ani', 22],
      ['am 22 ani', 22],
      ['tengo 24 años', 24],
      ['mam 25 lat', 25],
      ['19 éves vagyok', 19],
      ['на 20 години', 20],
      ['мне 19 лет', 19],
      ['Leeftijd: 26', 26],
      ['age 30', 30],
      ['อายุ 22 ปี', 22],
      ['今年22岁', 22],
      ['20yo', 20],
    ];
    for (const [text, age] of cases) expect(analyzeAd(ad(text), 0).age, text).toBe(age);
    expect(analyzeAd(ad('ik ben 21 jaar', { age: 30 }), 0).age).toBe(30);
  });

  it('does not read durations, prices or phone digits as an age', () => {
    expect(analyzeAd(ad('24 uur per dag, 30 minuten 80 euro, bel 0612345678'), 0).age).toBeNull();
  });
});

describe('price', () => {
  it('prefers the hourly price over shorter and longer durations', () => {
    expect(analyzeAd(ad('30 min 80€, 1 uur 150€, nacht 800€'), 0).price).toBe(150);
    expect(analyzeAd(ad('half uur 70 euro, uur 120 euro'), 0).price).toBe(120);
    expect(analyzeAd(ad('€ 200 per hour'), 0).price).toBe(200);
    expect(analyzeAd(ad('prijs: 100,- p/u'), 0).price).toBe(100);
    expect(analyzeAd(ad('1h = 250 EUR'), 0).price).toBe(250);
  });

  it('takes a price without duration when no hourly price is stated', () => {
    expect(analyzeAd(ad('vanaf 90 euro'), 0).price).toBe(90);
    expect(analyzeAd(ad('geen prijs, bel 0612345678'), 0).price).toBeNull();
  });
});

describe('persona names', () => {
  it('reads names after intros in several languages', () => {
    const cases: [string, string][] = [
      ['Hi, I am Anna and I love fun', 'anna'],
      ["Hello! I'm Bella", 'bella'],
      ['Hoi, ik ben Sanne, 22 jaar', 'sanne'],
      ['Mijn naam is Noor.', 'noor'],
      ['Bună, mă numesc Ioana', 'ioana'],
      ['Hola, me llamo Lucía', 'lucia'],
      ['Cześć, jestem Kasia', 'kasia'],
      ['Sziasztok, Anna vagyok', 'anna'],
      ['Здравейте, казвам се Мария', 'мария'],
      ['меня зовут Наташа', 'наташа'],
      ['Ich heiße Lena', 'lena'],
      ["je m'appelle Chloé", 'chloe'],
      ['Nazywają mnie Zuzanna.', 'zuzanna'],
      ['Helló, Engem Petra hívnak.', 'petra'],
      ['Ze noemen mij Romy.', 'romy'],
      ['Femke werkt exclusief voor Ruby Girls', 'femke'],
      ['Crystal Ladies stelt voor: Réka (32).', 'reka'],
      ['สวัสดีค่ะ ฉันคือNingอายุ38ปี', 'ning'],
      ['你好，我是Xiaoli。', 'xiaoli'],
      ['我叫小美，在我的私人公寓等你', '小美'],
    ];
    for (const [text, name] of cases) expect(analyzeAd(ad(text), 0).names, text).toEqual([name]);
  });

  it('does not take ordinary words after an intro for names', () => {
    expect(analyzeAd(ad('I am new in town, I am available now, ik ben nieuw'), 0).names).toEqual([]);
    expect(analyzeAd(ad('I Am A Sexy Girl'), 0).names).toEqual([]);
    expect(analyzeAd(ad('Call me: ZERO, SIX, ONE, TWO'), 0).names).toEqual([]);
    expect(analyzeAd(ad('我是一个温柔又开朗的女人'), 0).names).toEqual([]);
  });
});

describe('nationalities', () => {
  it('normalises nationality and ethnicity words to codes', () => {
    const cases: [string, string[]][] = [
      ['Romanian girl', ['ro']],
      ['roemeense meid', ['ro']],
      ['româncă frumoasă', ['ro']],
      ['Hot latina', ['latin']],
      ['Thai lady', ['th']],
      ['nieuwe thaise', ['th']],
      ['Ukrainian and Polish girl', ['ua', 'pl']],
      ['Bulgarian, Hungarian', ['bg', 'hu']],
      ['braziliaanse schoonheid', ['br']],
      ['asian beauty', ['asian']],
      ['afrikaanse dame', ['african']],
      ['Piękna Polka', ['pl']],
      ['Красива българка', ['bg']],
      ['สาวไทยน่ารัก', ['th']],
    ];
    for (const [text, codes] of cases) expect(analyzeAd(ad(text), 0).nationalities, text).toEqual(codes);
  });

  it('does not read service slang or negations as nationalities', () => {
    expect(analyzeAd(ad('Thai massage, French kiss, Grieks en Frans'), 0).nationalities).toEqual([]);
  });
});

describe('record fields', () => {
  it('normalises city, country and posting time', () => {
    const features = analyzeAd(ad('x', { city: ' Den Haag ', country: 'nl', postedAt: '2025-03-01T10:00:00Z' }), 0);
    expect(features.city).toBe('den haag');
    expect(features.country).toBe('NL');
    expect(features.postedAt).toBe(Date.UTC(2025, 2, 1, 10));
    const odd = analyzeAd(ad('x', { city: '', country: 'Netherlands', postedAt: 'yesterday' }), 0);
    expect([odd.city, odd.country, odd.postedAt]).toEqual([null, null, null]);
  });

  it('parses image hashes and skips invalid ones', () => {
    const features = analyzeAd(ad('x', { imageHashes: ['ffffffffffffffff', '0123456789ABCDEF', 'xyz', '123', 'ffffffffffffffff'] }), 0);
    expect(features.imageHashes).toEqual([0xffffffffffffffffn, 0x0123456789abcdefn]);
  });
});
