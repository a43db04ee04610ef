/**
 * A corpus shaped like scraped data (bench/outreach.ts): ten daily scrapes of the same ads. Scraped ad
 * data is mostly reposts (one study deduplicated 5.05M scraped ads to 0.52M unique, about 90%
 * duplicates; shared/domain/outreach.md). Takes the first n/10 ads of a generated corpus and writes each
 * of them once a day for ten days, in a fresh order each day, with a new id and a date one day later per
 * day; the truth file follows the ids.
 */
import fs from 'node:fs';
import readline from 'node:readline';

const DAYS = 10;

async function firstLines(path: string, n: number): Promise<string[]> {
  const lines: string[] = [];
  const rl = readline.createInterface({ input: fs.createReadStream(path), crlfDelay: Infinity });
  for await (const line of rl) {
    if (!line.trim()) continue;
    lines.push(line);
    if (lines.length >= n) break;
  }
  rl.close();
  return lines;
}

export async function writeRepostCorpus(ads: string, truth: string, n: number, outAds: string, outTruth: string): Promise<void> {
  const per = Math.max(1, Math.floor(n / DAYS));
  const records = (await firstLines(ads, per)).map((l) => JSON.parse(l) as Record<string, unknown>);
  const truths = new Map((await firstLines(truth, Number.MAX_SAFE_INTEGER)).map((l) => {
    const t = JSON.parse(l) as Record<string, unknown>;
    return [`${t.source}\u0000${t.id}`, t] as const;
  }));
  let seed = 7;
  const random = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 4294967296;
  const adLines: string[] = [];
  const truthLines: string[] = [];
  for (let day = 0; day < DAYS; day++) {
    const order = records.map((_, i) => i);
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const i of order) {
      const r = records[i]!;
      const id = `${String(r.id)}-d${day}`;
      const posted = typeof r.postedAt === 'string' ? Date.parse(r.postedAt) : Number.NaN;
      adLines.push(JSON.stringify({ ...r, id, ...(Number.isFinite(posted) ? { postedAt: new Date(posted + day * 86_400_000).toISOString() } : {}) }));
      const t = truths.get(`${String(r.source)}\u0000${String(r.id)}`);
      if (t) truthLines.push(JSON.stringify({ ...t, id }));
    }
  }
  fs.writeFileSync(outAds, `${adLines.join('\n')}\n`);
  fs.writeFileSync(outTruth, `${truthLines.join('\n')}\n`);
}
