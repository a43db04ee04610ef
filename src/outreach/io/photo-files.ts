import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { dHashFile, formatImageHash } from '../analyze/image-hash.ts';
import type { AdRecord } from '../types.ts';
import { eachLine, type ByteBatch } from './jsonl-lines.ts';
import { parseAdLine } from './parse-ad-line.ts';
import { isBlank, type MalformedLine } from './read-ads.ts';

/** A photo an ad lists in `images` that could not be hashed (the ad is analysed without it). */
export type PhotoProblem = { line: number; path: string; problem: string };
/** Photos listed in `images`: hashed, and not usable (each listing counts). */
export type PhotoTally = { hashed: number; failed: number };

type Outcome = { hash: string; problem: null } | { hash: null; problem: string };

/** Larger files are not decoded (a photo in an ad is a few megabytes at most). */
export const MAX_PHOTO_BYTES = 64 << 20;
/** Files decoded at the same time (sharp decodes on libuv's thread pool, four threads by default). */
const CONCURRENCY = 4;
/** Distinct files remembered; then the memory starts afresh (bounds it on any input). */
const CACHE_LIMIT = 20_000;
/** What every record listing `images` contains: the end of the key (however its first letter is escaped). */
const IMAGES_KEY = Buffer.from('mages"');
const URL_SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i;

/**
 * Photos given as local files (`images`, docs/ad-format.md) become 64-bit dHashes (image-hash.ts), added
 * to the ad's `imageHashes` before it is analysed, so they link ads like given hashes do. A relative
 * path is taken from the input file's folder; `file://` URLs are read as paths. Other URLs are never
 * fetched: downloading a photo from an ad site would contact the site, and so perhaps the exploiter,
 * from the outreach team's machine. Only regular files up to MAX_PHOTO_BYTES are decoded; a photo
 * that cannot be used is reported (PhotoProblem) and the ad is analysed with the others. Each
 * distinct file is hashed once (the same photo reused by many ads is what networks do).
 */
export class PhotoFiles {
  readonly tally: PhotoTally = { hashed: 0, failed: 0 };
  private readonly cache = new Map<string, Promise<Outcome>>();

  constructor(private readonly baseDir: string) {}

  /** Whether a batch may hold a record that lists `images` (false: none does, read it as usual). */
  static mayList(raw: ByteBatch): boolean {
    const b = raw.bytes;
    return Buffer.from(b.buffer, b.byteOffset, b.byteLength).indexOf(IMAGES_KEY) >= 0;
  }

  /**
   * Parses the lines of a batch and hashes the photo files its records list, adding their hashes to
   * `imageHashes` (after any given there, in the order listed). Returns the valid records in input
   * order and the malformed lines.
   */
  async readBatch(raw: ByteBatch, onProblem: (p: PhotoProblem) => void): Promise<{ records: AdRecord[]; malformed: MalformedLine[] }> {
    const records: AdRecord[] = [];
    const lines: number[] = [];
    const malformed: MalformedLine[] = [];
    eachLine(raw, (text, line) => {
      if (isBlank(text)) return;
      const parsed = parseAdLine(text);
      if (parsed.ok) {
        records.push(parsed.ad);
        lines.push(line);
      } else malformed.push({ line, problem: parsed.problem });
    });
    const jobs: { record: number; path: string }[] = [];
    for (let r = 0; r < records.length; r++) for (const p of records[r]!.images ?? []) jobs.push({ record: r, path: p });
    const outcomes: Outcome[] = [];
    let next = 0;
    const run = async () => {
      while (next < jobs.length) {
        const j = next++;
        outcomes[j] = await this.hash(jobs[j]!.path);
      }
    };
    await Promise.all(Array.from({ length: Math.min(CONCURRENCY, jobs.length) }, run));
    for (let j = 0; j < jobs.length; j++) {
      const { record, path: listed } = jobs[j]!;
      const o = outcomes[j]!;
      if (o.hash !== null) {
        const ad = records[record]!;
        ad.imageHashes = [...(ad.imageHashes ?? []), o.hash];
        this.tally.hashed++;
      } else {
        this.tally.failed++;
        onProblem({ line: lines[record]!, path: listed, problem: o.problem });
      }
    }
    return { records, malformed };
  }

  private hash(listed: string): Promise<Outcome> {
    const file = this.resolve(listed);
    if (typeof file !== 'string') return Promise.resolve(file);
    let known = this.cache.get(file);
    if (known === undefined) {
      if (this.cache.size >= CACHE_LIMIT) this.cache.clear();
      known = hashFile(file);
      this.cache.set(file, known);
    }
    return known;
  }

  /** The absolute path of a listed photo, or why it is not a local file. */
  private resolve(listed: string): string | Outcome {
    const p = listed.trim();
    if (p === '') return { hash: null, problem: 'empty path' };
    if (/^file:\/\//i.test(p)) {
      try {
        return fileURLToPath(p);
      } catch {
        return { hash: null, problem: 'not a valid file:// URL' };
      }
    }
    if (URL_SCHEME.test(p)) return { hash: null, problem: 'a web address, not a local file (photos are never downloaded)' };
    return path.resolve(this.baseDir, p);
  }
}

async function hashFile(file: string): Promise<Outcome> {
  let stat: fs.Stats;
  try {
    stat = await fs.promises.stat(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return { hash: null, problem: code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : `cannot be read (${code ?? 'error'})` };
  }
  if (!stat.isFile()) return { hash: null, problem: 'not a regular file' };
  if (stat.size > MAX_PHOTO_BYTES) return { hash: null, problem: `larger than ${MAX_PHOTO_BYTES >> 20} MB` };
  try {
    return { hash: formatImageHash(await dHashFile(file)), problem: null };
  } catch (e) {
    const message = (e instanceof Error ? e.message : String(e)).split('\n')[0]!.slice(0, 120);
    return { hash: null, problem: `not an image that can be read (${message})` };
  }
}
