import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../src/demo/demo-directory.ts';
import { createTestDatabase, onPostgres, type TestDatabase } from './helpers/test-db.ts';

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });

const dirs: string[] = [];
let database: TestDatabase | null = null;
afterAll(async () => {
  dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true }));
  await database?.close();
});

async function start(): Promise<{ child: ChildProcess; base: string; output: () => string; healthCodes: number[] }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'baken-serve-'));
  dirs.push(dataDir);
  const port = await freePort();
  const env = { ...process.env, PORT: String(port), BAKEN_DATA_DIR: dataDir, BAKEN_SEED_DEMO: 'always', LOG_LEVEL: 'info' } as NodeJS.ProcessEnv;
  if (onPostgres()) {
    // A database of its own on the server; demo data only because BAKEN_SEED_DEMO=always asks for it.
    database = await createTestDatabase();
    env.DATABASE_URL = database.url!;
  } else {
    delete env.DATABASE_URL; // the embedded default, started on an empty folder: what `npm start` runs
  }
  const child = spawn('node', ['bin/baken.mjs', 'serve'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const base = `http://127.0.0.1:${port}`;
  const healthCodes: number[] = [];
  for (let i = 0; i < 600; i++) {
    const code = await fetch(`${base}/api/health`).then((r) => r.status, () => 0);
    healthCodes.push(code);
    if (code === 200) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  return { child, base, output: () => out, healthCodes };
}

describe('baken serve', () => {
  it('answers 503 until ready, seeds the demo, and finishes an in-flight request on SIGTERM', async () => {
    const { child, base, output, healthCodes } = await start();
    expect(healthCodes.at(-1)).toBe(200);
    if (!onPostgres()) expect(healthCodes).toContain(503); // listening while the new embedded database initialises

    // A sign-in (argon2id: tens of milliseconds) is in flight when the stop signal arrives.
    const inFlight = fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'admin@baken.example', password: DEMO_PASSWORD }),
    });
    // Long enough for the request to reach the server on a loaded machine, shorter than argon2id.
    await new Promise((r) => setTimeout(r, 25));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    const response = await inFlight;
    expect(response.status).toBe(200);
    expect((await response.json()).stage).toBe('second-factor');
    expect(await exited).toBe(0);
    expect(output()).toContain('"msg":"stopped"');
    expect(output()).toContain('demo data seeded');
  }, 120_000);
});
