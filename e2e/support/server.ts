import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

async function waitForHealth(url: string, child: ChildProcess, output: () => string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The server exited with code ${child.exitCode}:\n${output()}`);
    try {
      const response = await fetch(url);
      if (response.status === 200) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`The server did not become healthy within ${timeoutMs} ms:\n${output()}`);
}

export type RunningServer = {
  /** Where the browser opens the app, e.g. http://localhost:41234. */
  baseUrl: string;
  /** Stops the server, writes its log to e2e/artifacts/<logName> and removes its data. */
  stop: () => Promise<void>;
};

/**
 * Starts `baken serve` on a free port with a fresh data folder and the demo seeded, and waits until
 * it is healthy. The shared server of a run is started by global-setup.ts; a test file that needs a
 * server of its own (e.g. one whose clock it moves) starts one here with extra variables.
 */
export async function startServer(extraEnv: Record<string, string> = {}, logName = 'server.log'): Promise<RunningServer> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'baken-e2e-data-'));
  fs.mkdirSync(path.join(ROOT, 'e2e/artifacts'), { recursive: true });
  const port = await freePort();
  const child = spawn(process.execPath, ['bin/baken.mjs', 'serve'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      BAKEN_DATA_DIR: dataDir,
      BAKEN_SEED_DEMO: 'always',
      LOG_LEVEL: 'warn',
      BAKEN_LOGIN_RATE_PER_MINUTE: '1000',
      // Browser tests all come from 127.0.0.1; the public rate limit itself is tested over HTTP.
      BAKEN_PUBLIC_REPORTS_PER_HOUR: '1000',
      ...extraEnv,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  const keep = (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);

  try {
    await waitForHealth(`http://127.0.0.1:${port}/api/health`, child, () => log, 120_000);
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }

  return {
    baseUrl: `http://localhost:${port}`,
    stop: async () => {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        const exited = new Promise((resolve) => child.once('exit', resolve));
        const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
        await exited;
        clearTimeout(timer);
      }
      fs.writeFileSync(path.join(ROOT, 'e2e/artifacts', logName), log);
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
