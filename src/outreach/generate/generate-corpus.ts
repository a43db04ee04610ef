import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TruthRecord } from '../types.ts';
import { JsonlWriter } from '../io/jsonl-writer.ts';
import { agency } from './agency.ts';
import { independent } from './independent.ts';
import { network } from './network.ts';
import { Rng, hashString } from './prng.ts';
import { DAY, makeWorld, type Draft, type World } from './world.ts';

export type GenerateOptions = {
  ads: number;
  seed: string | number;
  out: string;
  truth: string;
  onProgress?: (p: { phase: 'generate' | 'write'; done: number; total: number }) => void;
};

export type Kind = TruthRecord['kind'];

export type GenerateSummary = {
  ads: number;
  operators: Record<Kind, number>;
  adsByKind: Record<Kind, number>;
  obfuscatedAds: number;
  out: string;
  truth: string;
};

/** Shares of the ads (brief: networks a small minority, agencies 5-10%); small corpora get a few of each. */
export function quotas(n: number): Record<Kind, number> {
  const small = n >= 20;
  const networkAds = Math.max(Math.round(n * 0.02), small ? Math.min(8, Math.round(n * 0.1)) : 0);
  const agencyAds = Math.max(Math.round(n * 0.07), small ? Math.min(8, Math.round(n * 0.1)) : 0);
  return { network: networkAds, agency: agencyAds, independent: n - networkAds - agencyAds };
}

const ACTORS: Record<Kind, (rng: Rng, w: World, operatorId: string, maxAds: number) => Draft[]> = { independent, agency, network };
const PREFIX: Record<Kind, string> = { independent: 'ind', agency: 'agy', network: 'net' };

/**
 * Writes a synthetic corpus with its truth file, deterministic by seed (docs/ad-format.md). Operators
 * are generated kind by kind until each kind's share of the ads is filled; their ads are spread over
 * eight weeks and written in posting order, as a scraper would collect them, with ids that say nothing
 * about who posted them. Day buckets are spilled to a temporary folder so that memory stays small.
 */
export async function generateCorpus(opts: GenerateOptions): Promise<GenerateSummary> {
  if (!Number.isInteger(opts.ads) || opts.ads < 0) throw new Error(`--ads must be a whole number >= 0, got ${opts.ads}`);
  const root = new Rng(`baken-outreach:${opts.seed}`);
  const world = makeWorld(root.fork('world'));
  const idKey = hashString(`ids:${opts.seed}`);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'baken-generate-'));
  const buckets = new DayBuckets(tmp, world.days);
  const q = quotas(opts.ads);
  const operators: Record<Kind, number> = { independent: 0, agency: 0, network: 0 };
  const adsByKind: Record<Kind, number> = { independent: 0, agency: 0, network: 0 };
  let obfuscatedAds = 0;
  let counter = 0;
  try {
    for (const kind of ['network', 'agency', 'independent'] as Kind[]) {
      const rng = root.fork(kind);
      while (adsByKind[kind] < q[kind]) {
        const operatorId = `${PREFIX[kind]}-${++operators[kind]}`;
        const drafts = ACTORS[kind](rng, world, operatorId, q[kind] - adsByKind[kind]);
        for (const d of drafts) {
          const id = adId(counter++, idKey);
          const { ad, truth } = serialise(d, id);
          buckets.add(Math.floor((d.t - world.start) / DAY), d.t, ad, truth);
          if (d.truth.obfuscatedPhones.length) obfuscatedAds++;
        }
        adsByKind[kind] += drafts.length;
        opts.onProgress?.({ phase: 'generate', done: counter, total: opts.ads });
      }
    }
    buckets.flushAll();
    const adsOut = await JsonlWriter.open(opts.out);
    const truthOut = await JsonlWriter.open(opts.truth);
    let written = 0;
    for (let day = 0; day < world.days; day++) {
      for (const [ad, truth] of buckets.read(day)) {
        await adsOut.writeLine(ad);
        await truthOut.writeLine(truth);
        written++;
      }
      opts.onProgress?.({ phase: 'write', done: written, total: opts.ads });
    }
    await adsOut.close();
    await truthOut.close();
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  return { ads: counter, operators, adsByKind, obfuscatedAds, out: opts.out, truth: opts.truth };
}

/** A unique, random-looking id (a bijection of the counter on 32 bits), so ids leak nothing. */
function adId(n: number, key: number): string {
  let x = (n ^ key) >>> 0;
  x = Math.imul(x ^ (x >>> 16), 0x7feb352d) >>> 0;
  x = Math.imul(x ^ (x >>> 15), 0x846ca68b) >>> 0;
  x = (x ^ (x >>> 16)) >>> 0;
  return String(x).padStart(10, '0');
}

const OFFSET_SOURCES = new Set(['kinky.nl', 'redlights.be', 'ladies.example']);

function serialise(d: Draft, id: string): { ad: string; truth: string } {
  const base = d.source.endsWith('.example') ? `https://${d.source}` : `https://www.${d.source}`;
  const ad: Record<string, unknown> = {
    id,
    source: d.source,
    url: `${base}/ad/${id}`,
    postedAt: OFFSET_SOURCES.has(d.source) ? withOffset(d.t, 60) : new Date(d.t).toISOString(),
    title: d.title,
    body: d.body,
  };
  if (d.phones) ad.phones = d.phones;
  if (d.emails) ad.emails = d.emails;
  if (d.handles) ad.handles = d.handles;
  ad.city = d.city.name;
  ad.country = d.city.country;
  if (d.age !== undefined) ad.age = d.age;
  if (d.imageHashes) ad.imageHashes = d.imageHashes;
  ad.category = d.category;
  const truth: TruthRecord = { id, source: d.source, ...d.truth };
  return { ad: JSON.stringify(ad), truth: JSON.stringify(truth) };
}

/** ISO 8601 with a fixed UTC offset in minutes, as some sites publish local time: 2025-02-03T14:05:00.123+01:00. */
function withOffset(t: number, minutes: number): string {
  const local = new Date(t + minutes * 60_000).toISOString().slice(0, 23);
  const sign = minutes >= 0 ? '+' : '-';
  const m = Math.abs(minutes);
  return `${local}${sign}${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

/** Lines grouped by posting day in temporary files, read back one day at a time in time order. */
class DayBuckets {
  private pending: string[][];
  private sizes: number[];

  constructor(
    private readonly dir: string,
    days: number,
  ) {
    this.pending = Array.from({ length: days }, () => []);
    this.sizes = Array.from({ length: days }, () => 0);
  }

  add(day: number, t: number, ad: string, truth: string): void {
    const d = Math.max(0, Math.min(this.pending.length - 1, day));
    const line = `${t}\t${ad}\t${truth}\n`;
    this.pending[d]!.push(line);
    this.sizes[d]! += line.length;
    if (this.sizes[d]! > 1 << 18) this.flush(d);
  }

  private file(day: number): string {
    return path.join(this.dir, `day-${day}.tsv`);
  }

  private flush(day: number): void {
    if (this.pending[day]!.length === 0) return;
    fs.appendFileSync(this.file(day), this.pending[day]!.join(''));
    this.pending[day] = [];
    this.sizes[day] = 0;
  }

  flushAll(): void {
    for (let d = 0; d < this.pending.length; d++) this.flush(d);
  }

  read(day: number): [string, string][] {
    if (!fs.existsSync(this.file(day))) return [];
    const rows = fs
      .readFileSync(this.file(day), 'utf8')
      .split('\n')
      .filter((l) => l.length > 0)
      .map((l) => {
        const a = l.indexOf('\t');
        const b = l.indexOf('\t', a + 1);
        return { t: Number(l.slice(0, a)), ad: l.slice(a + 1, b), truth: l.slice(b + 1) };
      });
    rows.sort((x, y) => x.t - y.t);
    return rows.map((r) => [r.ad, r.truth]);
  }
}
