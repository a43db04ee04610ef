import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readLineBatches } from '../src/outreach/io/jsonl-lines.ts';
import { JsonlWriter } from '../src/outreach/io/jsonl-writer.ts';
import { adToJson, parseAdLine } from '../src/outreach/io/parse-ad-line.ts';
import { readAds, readAllAds } from '../src/outreach/io/read-ads.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'baken-io-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function file(name: string, content: string | Buffer): string {
  const p = path.join(dir, name);
  fs.writeFileSync(p, content);
  return p;
}

const ad = (id: string, extra: Record<string, unknown> = {}) => JSON.stringify({ id, source: 's', title: `t${id}`, ...extra });

describe('parseAdLine', () => {
  it('accepts a full record and normalises the country to upper case', () => {
    const r = parseAdLine(
      JSON.stringify({
        id: 'a1', source: 'sexmarkt.nl', url: 'https://x/a1', postedAt: '2025-02-03T14:41:14Z', title: 'T', body: 'B', phones: ['06-12345678'],
        emails: ['a@b.nl'], handles: ['telegram:anna'], city: 'Utrecht', country: 'nl', age: 23, imageHashes: ['00ff00ff00ff00ff'], images: ['/p/1.jpg'],
      }),
    );
    expect(r).toEqual({
      ok: true,
      ad: {
        id: 'a1', source: 'sexmarkt.nl', url: 'https://x/a1', postedAt: '2025-02-03T14:41:14Z', title: 'T', body: 'B', phones: ['06-12345678'],
        emails: ['a@b.nl'], handles: ['telegram:anna'], city: 'Utrecht', country: 'NL', age: 23, imageHashes: ['00ff00ff00ff00ff'], images: ['/p/1.jpg'],
      },
    });
  });

  it('keeps unknown fields in extra, and writes them back at the top level', () => {
    const r = parseAdLine('{"id":"a","source":"s","category":"escort","price":{"hour":150},"extra":1}');
    expect(r.ok && r.ad.extra).toEqual({ category: 'escort', price: { hour: 150 }, extra: 1 });
    expect(r.ok && adToJson(r.ad)).toEqual({ id: 'a', source: 's', category: 'escort', price: { hour: 150 }, extra: 1 });
  });

  it('keeps a "__proto__" field as data without touching prototypes', () => {
    const r = parseAdLine('{"id":"a","source":"s","__proto__":{"polluted":true}}');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(Object.getPrototypeOf(r.ad.extra)).toBe(Object.prototype);
    expect(Object.keys(r.ad.extra!)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('treats null as absent and a missing source as empty', () => {
    const r = parseAdLine('{"id":"a","age":null,"phones":null,"title":null}');
    expect(r).toEqual({ ok: true, ad: { id: 'a', source: '' } });
  });

  it.each([
    ['not json', /^invalid JSON/],
    ['[1,2]', /expected a JSON object, got an array/],
    ['"text"', /expected a JSON object, got string/],
    ['null', /got null/],
    ['{"source":"s"}', /missing "id"/],
    ['{"id":"","source":"s"}', /"id" must be a non-empty string/],
    ['{"id":12,"source":"s"}', /"id" must be a non-empty string, got number 12/],
    ['{"id":"a","source":3}', /"source" must be a string/],
    ['{"id":"a","title":["x"]}', /"title" must be a string, got an array/],
    ['{"id":"a","age":"twenty"}', /"age" must be a number, got "twenty"/],
    ['{"id":"a","phones":"0612345678"}', /"phones" must be an array of strings/],
    ['{"id":"a","emails":["a@b.nl",5]}', /"emails\[1\]" must be a string/],
    ['{"id":"a","imageHashes":["xyz"]}', /"imageHashes\[0\]" must be 16 hexadecimal digits/],
    ['{"id":"a","country":{"code":"NL"}}', /"country" must be a string, got an object/],
  ])('reports %s', (line, problem) => {
    const r = parseAdLine(line);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problem).toMatch(problem);
  });
});

describe('readAds', () => {
  it('reports malformed lines with their line numbers and goes on', async () => {
    const p = file('mixed.jsonl', [ad('1'), 'oops', ad('2'), '', '{"id":5}', '{"source":"s"}', ad('3'), '{"id":"4","age":"x"}'].join('\n') + '\n');
    const { ads, malformed } = await readAllAds(p);
    expect(ads.map((a) => a.id)).toEqual(['1', '2', '3']);
    expect(malformed.map((m) => m.line)).toEqual([2, 5, 6, 8]);
    expect(malformed[0]!.problem).toMatch(/invalid JSON/);
  });

  it('handles CRLF line endings, a byte-order mark, blank lines and no trailing newline', async () => {
    const p = file('crlf.jsonl', `\uFEFF${ad('1')}\r\n\r\n   \r\n${ad('2', { body: 'a\r\nb' })}\r\n${ad('3')}`);
    const { ads, malformed } = await readAllAds(p);
    expect(malformed).toEqual([]);
    expect(ads.map((a) => a.id)).toEqual(['1', '2', '3']);
    expect(ads[1]!.body).toBe('a\r\nb');
  });

  it('reads an empty file and a file of blank lines as no ads', async () => {
    expect(await readAllAds(file('empty.jsonl', ''))).toEqual({ ads: [], malformed: [] });
    expect(await readAllAds(file('blank.jsonl', '\n\n\r\n'))).toEqual({ ads: [], malformed: [] });
  });

  it('reads lines much longer than a read chunk, and multi-byte characters split across chunks', async () => {
    const long = 'ø€😀ไทย中文'.repeat(60_000);
    const lines = [ad('1'), ad('2', { body: long }), ad('3', { body: 'Здравейте' }), 'broken {', ad('4')];
    const p = file('long.jsonl', lines.join('\n'));
    const seen: number[] = [];
    const ads = [];
    for await (const b of readAds(p, { targetBytes: 1024, onMalformed: (m) => seen.push(m.line) })) ads.push(...b.ads);
    expect(ads.map((a) => a.id)).toEqual(['1', '2', '3', '4']);
    expect(ads[1]!.body).toBe(long);
    expect(ads[2]!.body).toBe('Здравейте');
    expect(seen).toEqual([4]);
  });

  it('numbers lines across batches correctly', async () => {
    const lines = Array.from({ length: 5000 }, (_, i) => (i % 997 === 0 ? `bad ${i}` : ad(String(i))));
    const p = file('many.jsonl', lines.join('\n') + '\n');
    const bad: number[] = [];
    let count = 0;
    for await (const b of readAds(p, { targetBytes: 4096, onMalformed: (m) => bad.push(m.line) })) count += b.ads.length;
    expect(bad).toEqual([1, 998, 1995, 2992, 3989, 4986]);
    expect(count).toBe(5000 - 6);
    let total = 0;
    for await (const b of readLineBatches(p, 4096)) {
      expect(b.firstLine).toBe(total + 1);
      total += b.lines.length;
    }
    expect(total).toBe(5000);
  });

  it('fails clearly when the file does not exist', async () => {
    await expect(readAllAds(path.join(dir, 'missing.jsonl'))).rejects.toThrow(/ENOENT/);
  });
});

describe('JsonlWriter', () => {
  it('writes one value per line, across flushes, and the file reads back the same', async () => {
    const p = path.join(dir, 'out.jsonl');
    const w = await JsonlWriter.open(p, { chunkChars: 100 });
    const values = Array.from({ length: 500 }, (_, i) => ({ id: String(i), source: 's', text: 'é😀'.repeat(i % 7) }));
    for (const v of values) await w.write(v);
    await w.close();
    expect(w.linesWritten).toBe(500);
    const back = fs.readFileSync(p, 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(back).toEqual(values);
  });

  it.skipIf(!fs.existsSync('/dev/full'))('reports a failed write (written while the next chunk is gathered) by close at the latest', async () => {
    const w = await JsonlWriter.open('/dev/full', { chunkChars: 100 });
    const run = async () => {
      for (let i = 0; i < 50; i++) await w.write({ i, text: 'x'.repeat(40) });
      await w.close();
    };
    await expect(run()).rejects.toThrow(/ENOSPC/);
  });
});
