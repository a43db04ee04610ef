/**
 * The keys through which a new ad finds the existing clusters it may join: its phones, e-mails and
 * handles, the four exact 16-bit bands of each photo hash (by pigeonhole two hashes within 3 bits share
 * a band), the whole-text key of its template, and the LSH bands of the template's MinHash sketch (the
 * engine's own text configuration: k bins as bands x rows). Keys only select the neighbourhood that is
 * re-clustered (incremental-cluster.ts); the engine itself decides what links. Stored as keyed hashes.
 */
import { defaultClusterConfig } from '../../outreach/cluster/config.ts';
import { fmix32 } from '../../outreach/cluster/hash.ts';
import { TemplateSketcher } from '../../outreach/cluster/text-sketch.ts';
import type { AdFeatures } from '../../outreach/types.ts';

const TEXT = defaultClusterConfig.text;
let sketcher: TemplateSketcher | null = null;

/** Texts shorter than this are stock phrases or empty: only their exact key is used. */
const MIN_SKETCH_LENGTH = 40;

export function clusterKeysOf(f: AdFeatures): string[] {
  const keys = new Set<string>();
  for (const p of f.phones) keys.add(`phone:${p}`);
  for (const e of f.emails) keys.add(`email:${e}`);
  for (const h of f.handles) keys.add(`handle:${h}`);
  for (const h of f.imageHashes) {
    for (let band = 0; band < 4; band++) keys.add(`img:${band}:${Number((h >> BigInt(band * 16)) & 0xffffn).toString(16)}`);
  }
  const text = f.templateText ?? '';
  if (text.length > 0) {
    sketcher ??= new TemplateSketcher(TEXT);
    const s = sketcher.sketch(text);
    keys.add(`txt:key:${(s.keyLo >>> 0).toString(16)}${(s.keyHi >>> 0).toString(16)}:${s.length}`);
    if (text.length >= MIN_SKETCH_LENGTH) {
      for (let band = 0; band < TEXT.bands; band++) {
        let h = 0x811c9dc5 ^ band;
        for (let r = 0; r < TEXT.rows; r++) h = Math.imul(h ^ s.sig[band * TEXT.rows + r]!, 0x01000193);
        keys.add(`txt:${band}:${(fmix32(h >>> 0) >>> 0).toString(16)}`);
      }
    }
  }
  return [...keys];
}
