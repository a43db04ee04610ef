import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import sharp from 'sharp';
import { PHOTO_SIZE, testPhotoPixels } from './helpers/test-photos.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dHashFile, formatImageHash, hammingDistance } from '../src/outreach/analyze/image-hash.ts';
import { MAX_PHOTO_BYTES, PhotoFiles, type PhotoProblem } from '../src/outreach/io/photo-files.ts';
import type { ByteBatch } from '../src/outreach/io/jsonl-lines.ts';
import { runAnalysis } from '../src/outreach/run-analysis.ts';
import { formatSummary } from '../src/cli/commands/outreach.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'baken-photos-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const hex: Record<string, string> = {};

beforeAll(async () => {
  const pixels = testPhotoPixels();
  fs.mkdirSync(path.join(dir, 'photos'));
  fs.mkdirSync(path.join(dir, 'photos', 'folder.jpg'));
  await sharp(pixels, { raw: PHOTO_SIZE }).png().toFile(path.join(dir, 'photos', 'a.png'));
  await sharp(path.join(dir, 'photos', 'a.png')).resize(160, 120).jpeg({ quality: 60 }).toFile(path.join(dir, 'photos', 'a-small.jpg'));
  await sharp(pixels, { raw: PHOTO_SIZE }).flop().png().toFile(path.join(dir, 'photos', 'b.png'));
  fs.writeFileSync(path.join(dir, 'photos', 'notes.jpg'), 'not an image at all');
  // Sparse: takes no disk space, but its size is over the limit.
  fs.closeSync(fs.openSync(path.join(dir, 'photos', 'huge.jpg'), 'w'));
  fs.truncateSync(path.join(dir, 'photos', 'huge.jpg'), MAX_PHOTO_BYTES + 1);
  for (const name of ['a.png', 'a-small.jpg', 'b.png']) hex[name] = formatImageHash(await dHashFile(path.join(dir, 'photos', name)));
});

function batch(records: unknown[]): ByteBatch {
  const text = records.map((r) => (typeof r === 'string' ? r : JSON.stringify(r))).join('\n');
  return { firstLine: 1, bytes: Buffer.from(`${text}\n`), lineCount: records.length };
}

describe('PhotoFiles', () => {
  it('hashes listed photo files into imageHashes (relative to the input folder, absolute, file:// URLs), after the given hashes', async () => {
    const photos = new PhotoFiles(dir);
    const problems: PhotoProblem[] = [];
    const given = '0123456789abcdef';
    const raw = batch([
      { id: '1', images: ['photos/a.png', path.join(dir, 'photos', 'b.png')] },
      'not json',
      { id: '2', imageHashes: [given], images: [pathToFileURL(path.join(dir, 'photos', 'a-small.jpg')).href] },
      { id: '3', body: 'no photos' },
    ]);
    expect(PhotoFiles.mayList(raw)).toBe(true);
    const { records, malformed } = await photos.readBatch(raw, (p) => problems.push(p));
    expect(records.map((r) => r.id)).toEqual(['1', '2', '3']);
    expect(malformed.map((m) => m.line)).toEqual([2]);
    expect(records[0]!.imageHashes).toEqual([hex['a.png'], hex['b.png']]);
    expect(records[1]!.imageHashes).toEqual([given, hex['a-small.jpg']]);
    expect(records[2]!.imageHashes).toBeUndefined();
    expect(problems).toEqual([]);
    expect(photos.tally).toEqual({ hashed: 3, failed: 0 });
    // a resized, recompressed copy stays near its original
    expect(hammingDistance(BigInt(`0x${hex['a.png']}`), BigInt(`0x${hex['a-small.jpg']}`))).toBeLessThanOrEqual(6);
  });

  it('reports each photo it cannot use, with its line, and never downloads a web address', async () => {
    const photos = new PhotoFiles(dir);
    const problems: PhotoProblem[] = [];
    const raw = batch([
      { id: '1', images: ['photos/missing.jpg', 'https://example.org/a.jpg', '  ', 'photos/a.png'] },
      { id: '2', images: ['photos/folder.jpg', 'photos/notes.jpg', 'photos/huge.jpg'] },
    ]);
    const { records } = await photos.readBatch(raw, (p) => problems.push(p));
    expect(records[0]!.imageHashes).toEqual([hex['a.png']]);
    expect(records[1]!.imageHashes).toBeUndefined();
    expect(problems.map((p) => [p.line, p.path])).toEqual([
      [1, 'photos/missing.jpg'],
      [1, 'https://example.org/a.jpg'],
      [1, '  '],
      [2, 'photos/folder.jpg'],
      [2, 'photos/notes.jpg'],
      [2, 'photos/huge.jpg'],
    ]);
    expect(problems.map((p) => p.problem)).toEqual([
      'no such file',
      'a web address, not a local file (photos are never downloaded)',
      'empty path',
      'not a regular file',
      expect.stringMatching(/^not an image that can be read \(/),
      'larger than 64 MB',
    ]);
    expect(photos.tally).toEqual({ hashed: 1, failed: 6 });
  });

  it('leaves batches without photo files to the usual line-by-line reading', () => {
    expect(PhotoFiles.mayList(batch([{ id: '1', imageHashes: ['0123456789abcdef'], body: 'images of me' }]))).toBe(false);
    // an escaped key still counts
    expect(PhotoFiles.mayList(batch(['{"id":"1","\\u0069mages":["a.png"]}']))).toBe(true);
  });
});

describe('outreach analyze with photo files', () => {
  // The same ads twice: photos as files, and as the hashes of those files. The results must be equal.
  function ads(asFiles: boolean): string {
    const photo = (name: string) => (asFiles ? { images: [`photos/${name}`] } : { imageHashes: [hex[name]] });
    const lines = [
      { id: 'p1', source: 's', title: 'Nieuw in Utrecht', body: 'Lieve Anna, bel 0612345671', city: 'Utrecht', country: 'NL', ...photo('a.png') },
      { id: 'p2', source: 's', title: 'Sweet girl Rotterdam', body: 'Maria here, call 0687654322', city: 'Rotterdam', country: 'NL', ...photo('a-small.jpg') },
      { id: 'p3', source: 's', title: 'Massage Breda', body: 'Eva, 0611122233', city: 'Breda', country: 'NL', ...photo('b.png') },
      { id: 'p4', source: 's', title: 'Den Haag', body: 'Lena 0644455566', city: 'Den Haag', country: 'NL', ...(asFiles ? { images: ['photos/missing.jpg'] } : {}) },
    ].map((l) => JSON.stringify(l));
    const file = path.join(dir, asFiles ? 'with-files.jsonl' : 'with-hashes.jsonl');
    fs.writeFileSync(file, `${lines.join('\n')}\n`);
    return file;
  }

  for (const workers of [0, 1]) {
    it(`gives the same results as the photos' hashes, and reports the missing file (${workers} workers)`, async () => {
      const files = ads(true);
      const hashes = ads(false);
      const problems: PhotoProblem[] = [];
      const a = await runAnalysis({ input: files, output: `${files}.${workers}.out`, workers, batchBytes: 200, onPhotoProblem: (p) => problems.push(p) });
      const b = await runAnalysis({ input: hashes, output: `${hashes}.${workers}.out`, workers, batchBytes: 200 });
      expect(fs.readFileSync(`${files}.${workers}.out`, 'utf8')).toBe(fs.readFileSync(`${hashes}.${workers}.out`, 'utf8'));
      expect(a.ads).toBe(4);
      expect(a.photos).toEqual({ hashed: 3, failed: 1, problems: [{ line: 4, path: 'photos/missing.jpg', problem: 'no such file' }] });
      expect(problems).toEqual(a.photos.problems);
      expect(b.photos).toEqual({ hashed: 0, failed: 0, problems: [] });
      expect(formatSummary(a)).toContain('Photos from files: 3 hashed, 1 not usable (those ads were analysed without them):\n  line 4: photos/missing.jpg: no such file');
      expect(formatSummary(b)).not.toContain('Photos from files');
      if (workers > 0) expect(a.pool!.batches - a.pool!.batchesInMainThread).toBeGreaterThan(0); // a worker hashed some
    });
  }
});
