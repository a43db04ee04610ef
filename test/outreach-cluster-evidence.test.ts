import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clusterAds } from '../src/outreach/cluster/cluster-ads.ts';
import { isNameDerived } from '../src/outreach/cluster/name-derived.ts';
import type { AdFeatures } from '../src/outreach/types.ts';
import { buildAdFeatures, fill, indexed, randomText, rng, TEMPLATE_EN } from './outreach-cluster-helpers.ts';

const sameCluster = (out: ReturnType<typeof clusterAds>, a: number, b: number) => out.clusterOf[a] === out.clusterOf[b];

describe('name-derived identifiers', () => {
  it('recognise a persona name with decorations, decorations alone and too-short handles', () => {
    expect(isNameDerived('telegram:jessicax', ['jessica'])).toBe(true);
    expect(isNameDerived('instagram:sanne.xx', ['sanne'])).toBe(true);
    expect(isNameDerived('snapchat:lisa_love22', ['lisa'])).toBe(true);
    expect(isNameDerived('lisa.vip@gmail.com', ['lisa'])).toBe(true);
    expect(isNameDerived('telegram:ladylove', [])).toBe(true);
    expect(isNameDerived('whatsapp:oo3l', [])).toBe(true);
  });

  it('do not flag identifiers with information of their own', () => {
    expect(isNameDerived('chantal191@yahoo.com', ['chantal'])).toBe(false);
    expect(isNameDerived('telegram:vb7731', [])).toBe(false);
    expect(isNameDerived('telegram:jessicax', ['anna'])).toBe(false);
    expect(isNameDerived('info@bellacompanions.nl', ['sanne'])).toBe(false);
    expect(isNameDerived('anna.kowalska@gmail.com', ['anna'])).toBe(false);
  });

  it('never throw, on any identifier and names (property)', () => {
    fc.assert(fc.property(fc.string(), fc.array(fc.string()), (id, names) => typeof isNameDerived(id, names) === 'boolean'));
  });
});

describe('conflicting evidence', () => {
  it('advertisers of the same name with their own phones are not joined by a name-derived handle', () => {
    const r = rng(7);
    const ads: AdFeatures[] = [];
    // Three advertisers called Jessica, each posting 3 ads with her own number, in her own city.
    for (let who = 0; who < 3; who++) {
      const text = randomText(r, 50);
      for (let k = 0; k < 3; k++) {
        ads.push(buildAdFeatures({ templateText: text, names: ['jessica'], phones: [`+316200000${who}0`], city: ['gent', 'leuven', 'breda'][who]!, handles: ['telegram:jessicax'] }));
      }
    }
    const out = clusterAds(indexed(ads));
    for (let who = 0; who < 3; who++) for (let k = 1; k < 3; k++) expect(sameCluster(out, who * 3, who * 3 + k)).toBe(true);
    expect(sameCluster(out, 0, 3)).toBe(false);
    expect(sameCluster(out, 3, 6)).toBe(false);
  });

  it('a handle with information of its own still links ads with different numbers (a rotating operator)', () => {
    const r = rng(8);
    const ads = [0, 1, 2].map((i) => buildAdFeatures({ templateText: randomText(r, 50), names: [['anna', 'mila', 'eva'][i]!], phones: [`+3162111110${i}`], handles: ['telegram:vb7731'] }));
    const out = clusterAds(indexed(ads));
    expect(sameCluster(out, 0, 1) && sameCluster(out, 1, 2)).toBe(true);
  });

  it('an e-mail over two booking lines of their own does not join the two agencies', () => {
    const r = rng(9);
    const ads: AdFeatures[] = [];
    for (let agency = 0; agency < 2; agency++) {
      for (let k = 0; k < 12; k++) {
        ads.push(buildAdFeatures({ templateText: randomText(r, 50), names: [`p${agency}-${k}`], phones: [`+3120123450${agency}`], emails: ['info@bella.example'], city: 'amsterdam' }));
      }
    }
    const out = clusterAds(indexed(ads));
    for (let k = 1; k < 12; k++) {
      expect(sameCluster(out, 0, k)).toBe(true);
      expect(sameCluster(out, 12, 12 + k)).toBe(true);
    }
    expect(sameCluster(out, 0, 12)).toBe(false);
  });

  it('texts that are merely alike do not join advertisers with their own numbers in different cities; a template does', () => {
    // Two advertisers whose texts share about two thirds of their words: alike, not one template.
    const r = rng(10);
    const common = randomText(r, 40);
    const a = `${common} ${randomText(r, 12)}`;
    const b = `${common} ${randomText(r, 12)}`;
    const alike = [
      buildAdFeatures({ templateText: a, names: ['anna'], phones: ['+31621000001'], city: 'groningen' }),
      buildAdFeatures({ templateText: b, names: ['mila'], phones: ['+31621000002'], city: 'maastricht' }),
    ];
    const slots = (name: string, city: string) => ({ name, age: '25', city, phone: '#' });
    const template = [
      buildAdFeatures({ templateText: fill(TEMPLATE_EN, slots('<name>', '<city>')), names: ['eva'], phones: ['+31621000003'], city: 'utrecht' }),
      buildAdFeatures({ templateText: fill(TEMPLATE_EN, slots('<name>', '<city>')).replace('green eyes', 'blue eyes'), names: ['iris'], phones: ['+31621000004'], city: 'breda' }),
    ];
    const ads = indexed([...alike, ...template]);
    const out = clusterAds(ads);
    expect(sameCluster(out, 0, 1)).toBe(false);
    expect(sameCluster(out, 2, 3)).toBe(true);
    // It is the cross-city rule that keeps them apart: without it the alike texts link.
    expect(sameCluster(clusterAds(ads, { text: { crossCityJaccard: 0.6 } }), 0, 1)).toBe(true);
  });
});
