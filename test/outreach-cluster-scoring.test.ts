import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Clusterer, clusterAds } from '../src/outreach/cluster/cluster-ads.ts';
import { scoreAds } from '../src/outreach/cluster/score-ads.ts';
import type { AdFeatures } from '../src/outreach/types.ts';
import { buildAdFeatures, fill, flipBits, hit, indexed, randomHash, randomText, rng, shuffled, TEMPLATE_EN } from './outreach-cluster-helpers.ts';

const DAY = 86_400_000;
const T0 = Date.UTC(2025, 3, 1);

/** One independent advertiser reposting the same ad (small edits) 12 times: one persona, phone, city. */
function independent(seed: number): AdFeatures[] {
  const r = rng(seed);
  const text = randomText(r, 70);
  const photo = randomHash(r);
  return Array.from({ length: 12 }, (_, i) =>
    buildAdFeatures({
      templateText: i % 3 === 0 ? text : `${text} ${randomText(r, 3)}`,
      phones: [`+3165${String(seed).padStart(7, '0')}`],
      names: ['sandra'],
      age: 34,
      city: 'zwolle',
      postedAt: T0 + i * DAY,
      imageHashes: [photo],
    }),
  );
}

/** A licensed agency: one booking line, five personas, one city, house text, a logo on every ad. */
function agency(): AdFeatures[] {
  const r = rng(21);
  const logo = randomHash(r);
  const house = randomText(r, 50);
  const ads: AdFeatures[] = [];
  ['bella', 'chloe', 'dana', 'emma', 'fleur'].forEach((name, p) => {
    const own = randomHash(r);
    const looks = randomText(r, 12);
    for (let i = 0; i < 4; i++) {
      ads.push(
        buildAdFeatures({
          templateText: `${house} ${looks}`,
          phones: ['+31201112233'],
          emails: ['info@velvet.example'],
          names: [name],
          age: 25 + p,
          city: 'den haag',
          postedAt: T0 + (p * 4 + i) * DAY,
          imageHashes: [own, logo],
          indicators: [hit('agency-voice', 0, 'our ladies')],
        }),
      );
    }
  });
  return ads;
}

/**
 * An exploitative network: four personas filled into one template, a pool of two rotating phones, photos
 * reused across personas (recompressed), a circuit through four cities within two weeks, and the tested
 * indicators in some ads.
 */
function network(): AdFeatures[] {
  const r = rng(31);
  const pool = ['+31611110001', '+31611110002'];
  const circuit = ['amsterdam', 'utrecht', 'rotterdam', 'eindhoven'];
  const shared = randomHash(r);
  const ads: AdFeatures[] = [];
  ['alina', 'bianca', 'corina', 'daria'].forEach((name, p) => {
    const photos = [randomHash(r), flipBits(shared, 2, r)];
    for (let i = 0; i < 4; i++) {
      const city = circuit[(p + i) % circuit.length]!;
      ads.push(
        buildAdFeatures({
          templateText: fill(TEMPLATE_EN, { name, age: '19', city, phone: '#' }),
          phones: [pool[(p + i) % 2]!],
          names: [name],
          nationalities: ['ro'],
          age: 19,
          city,
          postedAt: T0 + (i * 3 + p * 0.2) * DAY,
          imageHashes: photos,
          indicators: i % 2 === 0 ? [hit('obfuscated-phone', 0.8), hit('youth-language', 0.7)] : [hit('nationality-named', 0.5)],
        }),
      );
    }
  });
  return ads;
}

describe('cluster scores', () => {
  const ind = independent(1);
  const agy = agency();
  const net = network();
  const ads = indexed([...ind, ...agy, ...net]);
  const out = clusterAds(ads);
  const results = scoreAds(ads, out);
  const clusterOfRange = (start: number, len: number) => {
    const ids = new Set(Array.from({ length: len }, (_, i) => out.clusterOf[start + i]));
    expect(ids.size).toBe(1);
    return out.clusters[out.clusterOf[start]!]!;
  };
  const cInd = clusterOfRange(0, ind.length);
  const cAgy = clusterOfRange(ind.length, agy.length);
  const cNet = clusterOfRange(ind.length + agy.length, net.length);

  it('puts each operator in one cluster of its own', () => {
    expect(new Set([cInd.clusterId, cAgy.clusterId, cNet.clusterId]).size).toBe(3);
    expect(out.clusters).toHaveLength(3);
    expect(cNet.personas).toBe(4);
    expect(cAgy.personas).toBe(5);
    expect(cNet.cities).toHaveLength(4);
    expect(cNet.moves).toBeGreaterThan(0);
  });

  it('scores the reposting independent low, the agency somewhat higher, the network highest', () => {
    expect(cInd.score).toBeLessThan(0.2);
    expect(cAgy.score).toBeGreaterThan(cInd.score);
    expect(cNet.score).toBeGreaterThan(cAgy.score);
    expect(cNet.score).toBeGreaterThan(0.8);
    expect(cInd.reasons.filter((r) => r.code.startsWith('shared-'))).toEqual([]);
  });

  it('gives every reason with its weight and evidence', () => {
    const codes = cNet.reasons.map((r) => r.code);
    for (const code of ['shared-template-across-personas', 'shared-photo-across-personas', 'shared-phone-across-personas', 'city-circuit', 'obfuscated-phone']) {
      expect(codes).toContain(code);
    }
    const phone = cNet.reasons.find((r) => r.code === 'shared-phone-across-personas')!;
    expect(phone.weight).toBeGreaterThan(0);
    expect(phone.evidence).toMatch(/^\+3161111000[12] in \d+ ads, \d personas, \d cit(y|ies)$/);
    expect(cNet.reasons.find((r) => r.code === 'city-circuit')!.evidence).toMatch(/ -> .* within \d+ days/);
    expect(cAgy.reasons.map((r) => r.code)).toContain('agency-pattern');
    expect(cAgy.reasons.map((r) => r.code)).not.toContain('shared-phone-across-personas');
  });

  it("lists the structural evidence that touches an ad among the ad's indicators", () => {
    const netAd = results[ind.length + agy.length]!;
    const codes = netAd.indicators.map((h) => h.code);
    expect(codes).toContain('shared-phone-across-personas');
    expect(codes).toContain('shared-template-across-personas');
    expect(codes).toContain('city-circuit');
    expect(codes).toContain('obfuscated-phone');
    expect(netAd.clusterId).toBe(cNet.clusterId);
    expect(netAd.clusterScore).toBe(cNet.score);
  });

  it("moves an ad's score with its own indicators around its cluster's", () => {
    const base = ind.length + agy.length;
    const withIndicators = results[base]!; // obfuscated phone + youth language
    const without = results[base + 1]!; // nationality only
    expect(withIndicators.adScore).toBeGreaterThan(without.adScore);
    const adScores = results.slice(base, base + net.length).map((r) => r.adScore);
    const mean = adScores.reduce((s, x) => s + x, 0) / adScores.length;
    expect(Math.abs(mean - cNet.score)).toBeLessThan(0.05);
  });

  it('scores movement language (tested: less likely trafficking) down', () => {
    const r = rng(41);
    const a = indexed([buildAdFeatures({ templateText: randomText(r), indicators: [hit('youth-language', 0.7)] })]);
    const b = indexed([buildAdFeatures({ templateText: randomText(r), indicators: [hit('youth-language', 0.7), hit('movement-language', -0.9)] })]);
    expect(scoreAds(b, clusterAds(b))[0]!.adScore).toBeLessThan(scoreAds(a, clusterAds(a))[0]!.adScore);
  });
});

describe('bounds and determinism', () => {
  const arbAds = fc.integer({ min: 0, max: 1e6 }).map((seed) => {
    const r = rng(seed);
    const phones = ['+31600000001', '+31600000002', '+31600000003'];
    const texts = [randomText(r, 40), randomText(r, 40)];
    return Array.from({ length: 30 }, (_, i) =>
      buildAdFeatures({
        id: `x${seed}-${i}`,
        templateText: r() < 0.5 ? texts[Math.floor(r() * 2)]! : randomText(r, 30),
        phones: r() < 0.6 ? [phones[Math.floor(r() * 3)]!] : [],
        names: [`n${Math.floor(r() * 6)}`],
        city: ['a', 'b', 'c'][Math.floor(r() * 3)]!,
        postedAt: T0 + Math.floor(r() * 20) * DAY,
        imageHashes: r() < 0.3 ? [BigInt(Math.floor(r() * 4))] : [],
        indicators: r() < 0.5 ? [hit('obfuscated-phone', 0.8)] : [hit('movement-language', -0.9)],
      }),
    );
  });

  it('keeps every score in 0..1 (property)', () => {
    fc.assert(
      fc.property(arbAds, (ads) => {
        const input = indexed(ads);
        const out = clusterAds(input);
        for (const r of scoreAds(input, out)) {
          expect(r.adScore).toBeGreaterThanOrEqual(0);
          expect(r.adScore).toBeLessThanOrEqual(1);
          expect(r.clusterScore).toBeGreaterThanOrEqual(0);
          expect(r.clusterScore).toBeLessThanOrEqual(1);
        }
      }),
      { numRuns: 30 },
    );
  });

  it('gives the same clusters and cluster ids for the same ads in any order (property)', () => {
    fc.assert(
      fc.property(arbAds, fc.integer(), (ads, seed) => {
        const a = indexed(ads);
        const b = indexed(shuffled(ads, rng(seed)));
        const outA = clusterAds(a);
        const outB = clusterAds(b);
        const idOf = (input: AdFeatures[], out: ReturnType<typeof clusterAds>) =>
          new Map(input.map((ad, i) => [ad.id, out.clusterIdOf(i)]));
        expect(idOf(b, outB)).toEqual(idOf(a, outA));
        const scoreOf = (out: ReturnType<typeof clusterAds>) => new Map(out.clusters.map((c) => [c.clusterId, c.score]));
        expect(scoreOf(outB)).toEqual(scoreOf(outA));
      }),
      { numRuns: 30 },
    );
  });

  it('gives stable ids across runs, and the incremental Clusterer gives what clusterAds gives', () => {
    const ads = indexed([...independent(2), ...network()]);
    const first = clusterAds(ads).clusters.map((c) => c.clusterId);
    expect(clusterAds(ads).clusters.map((c) => c.clusterId)).toEqual(first);
    expect(first.every((id) => /^c[0-9a-f]{12}$/.test(id))).toBe(true);
    const c = new Clusterer();
    for (const ad of ads) c.add(ad);
    const inc = c.finish(ads);
    expect(inc.clusters.map((x) => x.clusterId)).toEqual(first);
    expect(Array.from(inc.clusterOf)).toEqual(Array.from(clusterAds(ads).clusterOf));
  });
});
