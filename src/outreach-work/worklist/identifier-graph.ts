/**
 * The shared identifiers of a cluster as a bipartite graph: ads (with their persona names) on one side,
 * the phones, e-mail addresses, handles and photos they give on the other, an edge per "this ad gives
 * that identifier". Pure. Identifiers arrive already safe to show: phones as token + hint, e-mails and
 * handles masked; a node id is a keyed token, never the identifier itself.
 */
export type GraphAd = {
  adId: string;
  label: string;
  phones: { token: string; hint: string }[];
  emails: { token: string; masked: string }[];
  handles: { token: string; masked: string }[];
  /** 16 hex digits each. */
  imageHashes: string[];
};

export type IdentifierKind = 'phone' | 'email' | 'handle' | 'photo';
export type GraphNode =
  | { id: string; kind: 'ad'; label: string; adId: string }
  | { id: string; kind: IdentifierKind; label: string; ads: number; token?: string };
export type GraphEdge = { from: string; to: string };
export type IdentifierGraph = { nodes: GraphNode[]; edges: GraphEdge[]; truncated: boolean };

const MAX_ADS = 60;
const MAX_IDENTIFIERS = 60;
/** Two photo hashes differing in at most this many bits show the same photo (docs/ad-format.md). */
const PHOTO_BITS = 10;

function popcount(x: bigint): number {
  let n = 0;
  while (x) {
    x &= x - 1n;
    n++;
  }
  return n;
}

export function buildIdentifierGraph(ads: readonly GraphAd[]): IdentifierGraph {
  const identifiers = new Map<string, { kind: IdentifierKind; label: string; token?: string; ads: Set<string> }>();
  const add = (id: string, kind: IdentifierKind, label: string, adId: string, token?: string) => {
    let node = identifiers.get(id);
    if (!node) identifiers.set(id, (node = { kind, label, ads: new Set(), ...(token ? { token } : {}) }));
    node.ads.add(adId);
  };
  const photos: { hash: bigint; id: string }[] = [];
  for (const ad of ads) {
    for (const p of ad.phones) add(`phone:${p.token}`, 'phone', p.hint, ad.adId, p.token);
    for (const e of ad.emails) add(`email:${e.token}`, 'email', e.masked, ad.adId);
    for (const h of ad.handles) add(`handle:${h.token}`, 'handle', h.masked, ad.adId);
    for (const hex of ad.imageHashes) {
      const hash = BigInt(`0x${hex}`);
      let photo = photos.find((p) => popcount(p.hash ^ hash) <= PHOTO_BITS);
      if (!photo) photos.push((photo = { hash, id: `photo:${hex}` }));
      add(photo.id, 'photo', hex.slice(0, 6), ad.adId);
    }
  }
  // Most shared identifiers first; ties in a fixed order so the drawing is the same every time.
  const ranked = [...identifiers.entries()].sort((a, b) => b[1].ads.size - a[1].ads.size || (a[0] < b[0] ? -1 : 1));
  const keptIdentifiers = ranked.slice(0, MAX_IDENTIFIERS);
  // Ads linked to the most kept identifiers first, then in the given order.
  const degree = new Map<string, number>();
  for (const [, node] of keptIdentifiers) for (const adId of node.ads) degree.set(adId, (degree.get(adId) ?? 0) + 1);
  const keptAds = ads
    .map((ad, index) => ({ ad, index }))
    .sort((a, b) => (degree.get(b.ad.adId) ?? 0) - (degree.get(a.ad.adId) ?? 0) || a.index - b.index)
    .slice(0, MAX_ADS)
    .sort((a, b) => a.index - b.index)
    .map((x) => x.ad);
  const adIds = new Set(keptAds.map((a) => a.adId));
  const nodes: GraphNode[] = keptAds.map((ad) => ({ id: `ad:${ad.adId}`, kind: 'ad', label: ad.label, adId: ad.adId }));
  const edges: GraphEdge[] = [];
  for (const [id, node] of keptIdentifiers) {
    const linked = [...node.ads].filter((a) => adIds.has(a));
    if (linked.length === 0) continue;
    nodes.push({ id, kind: node.kind, label: node.label, ads: node.ads.size, ...(node.token ? { token: node.token } : {}) });
    for (const adId of linked) edges.push({ from: `ad:${adId}`, to: id });
  }
  return { nodes, edges, truncated: keptAds.length < ads.length || keptIdentifiers.length < ranked.length };
}
