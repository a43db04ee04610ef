import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AdResult } from '../src/outreach/types.ts';

const run = promisify(execFile);
const CLI = 'bin/baken.mjs';
const FIXTURE = 'test/fixtures/outreach/small.jsonl';
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'baken-outreach-cli-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Runs `baken ...` as a separate process, as a user would. */
async function baken(args: string[]) {
  try {
    const { stdout, stderr } = await run('node', [CLI, ...args], { timeout: 120_000, maxBuffer: 16 << 20 });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

const readResults = (p: string): AdResult[] =>
  fs.readFileSync(p, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as AdResult);

describe('baken outreach analyze (small corpus with a known answer)', () => {
  let res: { code: number; stdout: string; stderr: string };
  let out: AdResult[];
  const byId = (id: string) => out.find((r) => r.id === id)!;

  beforeAll(async () => {
    const outFile = path.join(dir, 'small-out.jsonl');
    res = await baken(['outreach', 'analyze', FIXTURE, '--out', outFile]);
    out = res.code === 0 ? readResults(outFile) : [];
  });

  it('completes with exit code 0 and reports the malformed lines by number', () => {
    expect(res.stderr).toMatch(/Skipped 2 malformed lines/);
    expect(res.stderr).toMatch(/line 9: invalid JSON/);
    expect(res.stderr).toMatch(/line 26: "age" must be a number/);
    expect(res.code).toBe(0);
  });

  it('writes one line per valid ad, in input order, with every field', () => {
    const ids = fs
      .readFileSync(FIXTURE, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => {
        try {
          return (JSON.parse(l) as { id: string }).id;
        } catch {
          return null;
        }
      })
      .filter((id) => id !== null && !id.startsWith('bad'));
    expect(out.map((r) => r.id)).toEqual(ids);
    for (const r of out) {
      expect(Object.keys(r).sort()).toEqual(['adScore', 'clusterId', 'clusterScore', 'id', 'indicators', 'language', 'phones', 'source']);
      expect(Number.isFinite(r.adScore) && Number.isFinite(r.clusterScore)).toBe(true);
      for (const p of r.phones) expect(p).toMatch(/^\+[1-9]\d{6,14}$/);
    }
  });

  it('puts the network of 6 ads (3 personas, rotated phones, one template, recompressed photos) in one cluster', () => {
    const network = ['n1', 'n2', 'n3', 'n4', 'n5', 'n6'].map(byId);
    expect(new Set(network.map((r) => r.clusterId)).size).toBe(1);
    expect(out.filter((r) => r.clusterId === network[0]!.clusterId)).toHaveLength(6);
  });

  it('ranks the network above an independent who reposts the same ad eight times', () => {
    const network = ['n1', 'n2', 'n3', 'n4', 'n5', 'n6'].map(byId);
    const reposts = ['i1', 'i2', 'i3', 'i4', 'i5', 'i6', 'i7', 'i8'].map(byId);
    expect(new Set(reposts.map((r) => r.clusterId)).size).toBe(1);
    expect(reposts[0]!.clusterId).not.toBe(network[0]!.clusterId);
    expect(network[0]!.clusterScore).toBeGreaterThan(reposts[0]!.clusterScore);
    expect(Math.min(...network.map((r) => r.adScore))).toBeGreaterThan(Math.max(...reposts.map((r) => r.adScore)));
    // The network also outranks the licensed agency, which shares one booking line between its ladies.
    const agency = ['a1', 'a2', 'a3', 'a4', 'a5'].map(byId);
    expect(new Set(agency.map((r) => r.clusterId)).size).toBe(1);
    expect(network[0]!.clusterScore).toBeGreaterThan(agency[0]!.clusterScore);
  });

  it('recovers the spelled-out number and every plainly written one as E.164', () => {
    expect(byId('n6').phones).toEqual(['+31683914726']);
    expect(byId('n6').indicators.map((i) => i.code)).toContain('obfuscated-phone');
    expect(byId('n5').phones.sort()).toEqual(['+31683914726', '+40721554982']);
    expect(byId('i1').phones).toEqual(['+31641228735']);
    expect(byId('a1').phones).toEqual(['+31205550187']);
    expect(byId('b1').phones).toEqual(['+359887123456']);
  });

  it('does not glue unrelated advertisers together through a placeholder number', () => {
    const placeholder = ['g1', 'g2', 'g3'].map(byId);
    for (const r of placeholder) expect(r.phones).toContain('+31612345678');
    expect(new Set(placeholder.map((r) => r.clusterId)).size).toBe(3);
  });

  it('detects non-Latin languages', () => {
    expect(byId('s1').language).toBe('th');
    expect(byId('z1').language).toBe('zh');
    expect(byId('b1').language).toBe('bg');
  });
});

describe('baken outreach analyze (failures)', () => {
  it('exits 1 with a clear message when the input cannot be read', async () => {
    const res = await baken(['outreach', 'analyze', path.join(dir, 'missing.jsonl'), '--out', path.join(dir, 'x.jsonl')]);
    expect(res.code).toBe(1);
    expect(res.stderr).toMatch(/cannot read or write: .*missing\.jsonl/);
  });

  it('analyses a file of only malformed lines as zero ads, exit code 0', async () => {
    const input = path.join(dir, 'bad.jsonl');
    fs.writeFileSync(input, 'nope\n{"id":3}\n');
    const res = await baken(['outreach', 'analyze', input, '--out', path.join(dir, 'bad-out.jsonl')]);
    expect(res.code).toBe(0);
    expect(res.stderr).toMatch(/line 1: invalid JSON/);
    expect(res.stderr).toMatch(/line 2: "id" must be a non-empty string/);
    expect(fs.readFileSync(path.join(dir, 'bad-out.jsonl'), 'utf8')).toBe('');
  });
});

describe('baken outreach generate + analyze + evaluate', () => {
  it('generates a corpus deterministically and scores an analysis of it against the truth', async () => {
    const ads = path.join(dir, 'gen.jsonl');
    const truth = path.join(dir, 'gen-truth.jsonl');
    const gen = await baken(['outreach', 'generate', '--ads', '1500', '--seed', '7', '--out', ads, '--truth', truth]);
    expect(gen.code).toBe(0);
    expect(gen.stderr).toMatch(/Generated 1500 ads \(seed 7\)/);
    const again = await baken(['outreach', 'generate', '--ads', '1500', '--seed', '7', '--out', `${ads}.2`, '--truth', `${truth}.2`]);
    expect(again.code).toBe(0);
    expect(fs.readFileSync(`${ads}.2`, 'utf8')).toBe(fs.readFileSync(ads, 'utf8'));

    const outFile = path.join(dir, 'gen-out.jsonl');
    const analysed = await baken(['outreach', 'analyze', ads, '--out', outFile, '--workers', '2']);
    expect(analysed.code).toBe(0);
    expect(analysed.stderr).toMatch(/Analysed 1500 ads .* \(2 worker threads\)/);
    const evaluated = await baken(['outreach', 'evaluate', outFile, '--truth', truth]);
    expect(evaluated.code).toBe(0);
    const e = JSON.parse(evaluated.stdout) as { ads: number; pairwise: { f1: number }; auc: number };
    expect(e.ads).toBe(1500);
    expect(e.pairwise.f1).toBeGreaterThan(0.8);
    expect(e.auc).toBeGreaterThan(0.8);
  });

  it('refuses a non-numeric --ads', async () => {
    const res = await baken(['outreach', 'generate', '--ads', 'many', '--out', path.join(dir, 'a'), '--truth', path.join(dir, 'b')]);
    expect(res.code).not.toBe(0);
    expect(res.stderr).toMatch(/expected a whole number/);
  });
});
