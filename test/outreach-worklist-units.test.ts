import { describe, expect, it } from 'vitest';
import { buildIdentifierGraph, type GraphAd } from '../src/outreach-work/worklist/identifier-graph.ts';
import { maskIdentifiers, maskReasons } from '../src/outreach-work/worklist/mask-identifiers.ts';
import { alignLcs, clusterTemplate } from '../src/outreach-work/worklist/template-diff.ts';

describe('masking identifiers in list texts', () => {
  it('keeps at most the last two digits of phone numbers and nothing of e-mails and handles', () => {
    expect(maskIdentifiers('+31612345678 in 5 ads, 3 personas, 2 cities')).toBe('…78 in 5 ads, 3 personas, 2 cities');
    expect(maskIdentifiers('call 06-1234 5678 now')).toBe('call …78 now');
    expect(maskIdentifiers('anna.x@mail.example.com in 4 ads')).toBe('a•••@••• in 4 ads');
    expect(maskIdentifiers('telegram:anna_x in 4 ads')).toBe('telegram:a••• in 4 ads');
    expect(maskIdentifiers('ask @sweetanna23 for more')).toBe('ask @••• for more');
    // Counts, days, scores and city paths are not identifiers.
    expect(maskIdentifiers('Utrecht -> Amsterdam -> Breda within 3 days')).toBe('Utrecht -> Amsterdam -> Breda within 3 days');
    expect(maskIdentifiers('in 12 of 40 ads; 4.5 ads per active day over 10 days')).toBe('in 12 of 40 ads; 4.5 ads per active day over 10 days');
    expect(maskIdentifiers('+31612345678 (phone) in 40 ads with 9 unrelated texts, 5 cities: generic, not used to link'))
      .toBe('…78 (phone) in 40 ads with 9 unrelated texts, 5 cities: generic, not used to link');
  });

  it('masks every reason and keeps code and weight', () => {
    const masked = maskReasons([{ code: 'shared-phone-across-personas', weight: 1.2, evidence: '+40712345699 in 6 ads' }]);
    expect(masked).toEqual([{ code: 'shared-phone-across-personas', weight: 1.2, evidence: '…99 in 6 ads' }]);
    expect(JSON.stringify(masked)).not.toContain('4071234');
  });
});

describe('cluster template', () => {
  it('aligns by a longest common subsequence', () => {
    expect([...alignLcs(['a', 'b', 'c', 'd'], ['a', 'x', 'c', 'd', 'e'])]).toEqual([0, -1, 2, 3]);
  });

  it('marks the shared words as template and the varying parts as slots with their variants', () => {
    const bodies = [
      'Hoi! Ik ben Anna, 21 jaar, nieuw in Utrecht. Bel me snel.',
      'Hoi! Ik ben Bella, 22 jaar, nieuw in Amsterdam. Bel me snel.',
      'Hoi! Ik ben Anna, 21 jaar, nieuw in Utrecht. Bel me snel.',
      'Hoi! Ik ben Cleo, 19 jaar, nieuw in Den Haag. Bel me snel.',
    ];
    const t = clusterTemplate(bodies);
    expect(t.ads).toBe(4);
    expect(t.referenceShare).toBe(0.5);
    const slots = t.segments.filter((s) => s.kind === 'slot');
    expect(slots.map((s) => s.text)).toEqual(['Anna', '21', 'Utrecht']);
    expect(slots.map((s) => s.variants)).toEqual([['Anna', 'Bella', 'Cleo'], ['19', '21', '22'], ['Amsterdam', 'Den Haag', 'Utrecht']]);
    const fixed = t.segments.filter((s) => s.kind === 'fixed').map((s) => s.text);
    expect(fixed).toEqual(['Hoi! Ik ben ', ', ', ' jaar, nieuw in ', '. Bel me snel.']);
    // Joined back, the template reads as the reference ad.
    expect(t.segments.map((s) => s.text).join('')).toBe(bodies[0]);
  });

  it('shows a slot where some ads insert words the reference does not have', () => {
    const t = clusterTemplate(['Nieuw hier. Echt en lief.', 'Nieuw hier. Echt en lief.', 'Nieuw hier vandaag. Echt en lief.']);
    expect(t.segments).toEqual([
      { kind: 'fixed', text: 'Nieuw hier' },
      { kind: 'slot', text: '…', variants: ['vandaag'] },
      { kind: 'fixed', text: '. Echt en lief.' },
    ]);
  });

  it('is all template for one ad, and empty without texts', () => {
    expect(clusterTemplate(['Alleen deze tekst.']).segments).toEqual([{ kind: 'fixed', text: 'Alleen deze tekst.' }]);
    expect(clusterTemplate(['', '  ']).segments).toEqual([]);
  });
});

describe('identifier graph', () => {
  const ad = (adId: string, phones: string[], emails: string[] = [], photos: string[] = []): GraphAd => ({
    adId,
    label: adId,
    phones: phones.map((p) => ({ token: `t${p}`, hint: `…${p.slice(-2)}` })),
    emails: emails.map((e) => ({ token: `e${e}`, masked: `${e[0]}•••@•••` })),
    handles: [],
    imageHashes: photos,
  });

  it('links ads to the identifiers they give, with near-identical photos as one node', () => {
    const g = buildIdentifierGraph([
      ad('a1', ['11'], ['x@y.nl'], ['ffff000000000000']),
      ad('a2', ['11', '22'], [], ['ffff000000000001']), // 1 bit apart: the same photo
      ad('a3', ['22'], [], ['0000ffff00000000']),
    ]);
    const ids = g.nodes.map((n) => n.id);
    expect(ids.filter((i) => i.startsWith('ad:'))).toEqual(['ad:a1', 'ad:a2', 'ad:a3']);
    expect(ids.filter((i) => !i.startsWith('ad:')).sort()).toEqual(['email:ex@y.nl', 'phone:t11', 'phone:t22', 'photo:0000ffff00000000', 'photo:ffff000000000000'].sort());
    const photo = g.nodes.find((n) => n.id === 'photo:ffff000000000000');
    expect(photo).toMatchObject({ kind: 'photo', ads: 2 });
    expect(g.edges).toContainEqual({ from: 'ad:a2', to: 'photo:ffff000000000000' });
    expect(g.edges.filter((e) => e.to === 'phone:t22').map((e) => e.from).sort()).toEqual(['ad:a2', 'ad:a3']);
    expect(g.edges).toHaveLength(2 + 1 + 2 + 2 + 1);
    expect(g.truncated).toBe(false);
    // Phones appear as token and hint only.
    expect(g.nodes.find((n) => n.id === 'phone:t11')).toEqual({ id: 'phone:t11', kind: 'phone', label: '…11', ads: 2, token: 't11' });
  });

  it('keeps big clusters drawable, the most shared identifiers first', () => {
    const many = Array.from({ length: 80 }, (_, i) => ad(`a${i}`, [`${100 + i}`, '99']));
    const g = buildIdentifierGraph(many);
    expect(g.truncated).toBe(true);
    expect(g.nodes.filter((n) => n.kind === 'ad')).toHaveLength(60);
    expect(g.nodes.filter((n) => n.kind !== 'ad').length).toBeLessThanOrEqual(60);
    expect(g.nodes.find((n) => n.id === 'phone:t99')).toMatchObject({ ads: 80 });
  });
});
