import { describe, expect, it } from 'vitest';
import { clusterAds } from '../src/outreach/cluster/cluster-ads.ts';
import { scoreAds } from '../src/outreach/cluster/score-ads.ts';
import type { AdFeatures } from '../src/outreach/types.ts';
import {
  buildAdFeatures, fill, flipBits, indexed, randomHash, randomText, rng, TEMPLATE_BG, TEMPLATE_EN, TEMPLATE_TH, TEMPLATE_ZH,
} from './outreach-cluster-helpers.ts';

const CITIES = ['amsterdam', 'rotterdam', 'utrecht', 'den haag', 'eindhoven', 'groningen', 'tilburg', 'almere', 'breda', 'nijmegen'];
const NAMES = ['anna', 'maria', 'lena', 'sofia', 'eva', 'mila', 'nora', 'lisa', 'iris', 'julia'];

const sameCluster = (out: ReturnType<typeof clusterAds>, a: number, b: number) => out.clusterOf[a] === out.clusterOf[b];

/** `count` ads filled from one template, each with its own name, age, city and phone (no shared identifier). */
function templateAds(template: string, count: number, phoneBase: number): AdFeatures[] {
  return Array.from({ length: count }, (_, i) => {
    const slots = { name: NAMES[i]!, age: String(20 + i), city: CITIES[i]!, phone: `+3161${phoneBase + i}` };
    return buildAdFeatures({ templateText: fill(template, slots), names: [slots.name], age: 20 + i, city: slots.city, phones: [slots.phone] });
  });
}

/** Unrelated advertisers: random text, own phone, own persona, spread over cities. */
function unrelatedAds(count: number, seed: number, extra: (i: number) => Partial<AdFeatures> = () => ({})): AdFeatures[] {
  const r = rng(seed);
  return Array.from({ length: count }, (_, i) =>
    buildAdFeatures({
      templateText: randomText(r, 50),
      phones: [`+3162${String(seed * 10000 + i).padStart(7, '0')}`],
      names: [`p${seed}-${i}`],
      city: CITIES[i % CITIES.length]!,
      ...extra(i),
    }),
  );
}

describe('near-duplicate templates', () => {
  it('cluster ads of one template with changed slots (name, age, city, phone) and nothing else in common', () => {
    const ads = indexed([...templateAds(TEMPLATE_EN, 5, 1000), ...unrelatedAds(20, 1)]);
    const out = clusterAds(ads);
    for (let i = 1; i < 5; i++) expect(sameCluster(out, 0, i)).toBe(true);
    expect(out.clusters[out.clusterOf[0]!]!.size).toBe(5);
  });

  it('do not cluster unrelated texts', () => {
    const ads = indexed(unrelatedAds(60, 2));
    const out = clusterAds(ads);
    expect(out.stats.largestCluster).toBe(1);
    expect(out.clusters).toHaveLength(60);
  });

  it('cluster Thai written without spaces, Chinese, and Cyrillic near-duplicates, each language apart', () => {
    const th = templateAds(TEMPLATE_TH, 4, 2000).map((a, i) => ({ ...a, templateText: fill(TEMPLATE_TH, { name: ['นิด', 'น้อย', 'แพร', 'ฝน'][i]!, age: String(20 + i), city: ['กรุงเทพ', 'อัมสเตอร์ดัม', 'รอตเทอร์ดัม', 'เชียงใหม่'][i]!, phone: '#' }) }));
    const zh = templateAds(TEMPLATE_ZH, 4, 3000).map((a, i) => ({ ...a, templateText: fill(TEMPLATE_ZH, { name: ['小美', '丽丽', '芳芳', '婷婷'][i]!, age: String(20 + i), city: ['阿姆斯特丹', '鹿特丹', '乌得勒支', '海牙'][i]!, phone: '#' }) }));
    const bg = templateAds(TEMPLATE_BG, 4, 4000).map((a, i) => ({ ...a, templateText: fill(TEMPLATE_BG, { name: ['Мария', 'Елена', 'Ива', 'Деси'][i]!, age: String(20 + i), city: ['Амстердам', 'Ротердам', 'Утрехт', 'Хага'][i]!, phone: '#' }) }));
    const ads = indexed([...th, ...zh, ...bg, ...unrelatedAds(10, 3)]);
    const out = clusterAds(ads);
    for (const start of [0, 4, 8]) {
      for (let i = 1; i < 4; i++) expect(sameCluster(out, start, start + i)).toBe(true);
      expect(out.clusters[out.clusterOf[start]!]!.size).toBe(4);
    }
    expect(sameCluster(out, 0, 4)).toBe(false);
    expect(sameCluster(out, 4, 8)).toBe(false);
  });

  it('do not glue advertisers who only share stock phrases', () => {
    const r = rng(4);
    const stock = ['100% real photos, call me now.', 'Discreet and clean, no rush.', 'Hot girl waiting for you!'];
    // 150 advertisers writing a stock phrase plus their own words, 150 writing only stock phrases.
    const ads = indexed([
      ...unrelatedAds(150, 5, (i) => ({ templateText: `${stock[i % 3]} ${randomText(r, 40)}` })),
      ...unrelatedAds(150, 6, (i) => ({ templateText: `${stock[i % 3]} ${stock[(i + 1) % 3]}` })),
    ]);
    const out = clusterAds(ads);
    expect(out.stats.largestCluster).toBe(1);
  });
});

describe('identifiers and the giant-component trap', () => {
  it('a generic number in 500 unrelated ads does not make one big cluster; a rare shared number links its 3 ads', () => {
    const generic = '+31206428800'; // a help line: shared by hundreds of unrelated ads
    const ads = indexed([
      ...unrelatedAds(500, 7, () => ({ phones: [generic] })),
      // Three ads with unrelated texts, different personas and cities, one rare number.
      ...unrelatedAds(3, 8, () => ({ phones: ['+31687154329'] })),
    ]);
    const out = clusterAds(ads);
    expect(out.stats.largestCluster).toBe(3);
    expect(sameCluster(out, 500, 501) && sameCluster(out, 500, 502)).toBe(true);
    expect(out.stats.genericGroups).toBeGreaterThanOrEqual(1);
    // The generic number is shown to the worker, with weight 0, and never as a shared-phone signal.
    const results = scoreAds(ads, out);
    const genericHit = results[0]!.indicators.find((h) => h.code === 'generic-identifier');
    expect(genericHit?.weight).toBe(0);
    expect(genericHit?.evidence).toContain(generic);
    expect(results[0]!.indicators.some((h) => h.code === 'shared-phone-across-personas')).toBe(false);
  });

  it('links ads through a shared e-mail address or handle', () => {
    const ads = indexed([
      ...unrelatedAds(2, 9, () => ({ emails: ['lena@example.org'] })),
      ...unrelatedAds(2, 10, () => ({ handles: ['telegram:lena_x'] })),
      ...unrelatedAds(10, 11),
    ]);
    const out = clusterAds(ads);
    expect(sameCluster(out, 0, 1)).toBe(true);
    expect(sameCluster(out, 2, 3)).toBe(true);
    expect(sameCluster(out, 0, 2)).toBe(false);
  });

  it('links an agency booking line used by many personas in one city', () => {
    const ads = indexed(unrelatedAds(40, 12, () => ({ phones: ['+31303947165'], city: 'utrecht' })));
    const out = clusterAds(ads);
    expect(out.stats.largestCluster).toBe(40);
  });
});

describe('photos', () => {
  it('links near-identical perceptual hashes (up to 3 bits flipped: always found) and not distant ones', () => {
    const r = rng(13);
    const photo = randomHash(r);
    const ads = indexed([
      ...unrelatedAds(1, 14, () => ({ imageHashes: [photo] })),
      ...unrelatedAds(1, 15, () => ({ imageHashes: [flipBits(photo, 2, r)] })),
      ...unrelatedAds(1, 16, () => ({ imageHashes: [flipBits(photo, 3, r)] })),
      ...unrelatedAds(1, 17, () => ({ imageHashes: [flipBits(photo, 20, r)] })),
      ...unrelatedAds(1, 18, () => ({ imageHashes: [randomHash(r)] })),
    ]);
    const out = clusterAds(ads);
    expect(sameCluster(out, 0, 1)).toBe(true);
    expect(sameCluster(out, 0, 2)).toBe(true);
    expect(sameCluster(out, 0, 3)).toBe(false);
    expect(sameCluster(out, 0, 4)).toBe(false);
  });

  it('finds most pairs 5 bits apart through its random-bit LSH tables (over 60 seeds)', () => {
    let linked = 0;
    const trials = 60;
    for (let s = 0; s < trials; s++) {
      const r = rng(100 + s);
      const photo = randomHash(r);
      const ads = indexed([
        ...unrelatedAds(1, 200 + s, () => ({ imageHashes: [photo] })),
        ...unrelatedAds(1, 300 + s, () => ({ imageHashes: [flipBits(photo, 5, r)] })),
      ]);
      if (sameCluster(clusterAds(ads), 0, 1)) linked++;
    }
    expect(linked / trials).toBeGreaterThan(0.8);
  });

  it('ignores a stock photo used by many unrelated advertisers', () => {
    const r = rng(19);
    const stock = randomHash(r);
    const ads = indexed(unrelatedAds(200, 20, () => ({ imageHashes: [stock, randomHash(r)] })));
    const out = clusterAds(ads);
    expect(out.stats.largestCluster).toBe(1);
  });
});

describe('placeholder numbers', () => {
  it('recognises counting, counting-down and repeated digit runs, and not real-looking numbers', async () => {
    const { isPlaceholderPhone } = await import('../src/outreach/cluster/placeholder-phone.ts');
    for (const p of ['+31612345678', '+31600000000', '+31698765432', '+4915123456789']) expect(isPlaceholderPhone(p), p).toBe(true);
    for (const p of ['+31612349876', '+31647382910', '+32470911187', '+40722123456']) expect(isPlaceholderPhone(p), p).toBe(false);
  });
});
