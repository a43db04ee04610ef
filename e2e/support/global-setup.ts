import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { startServer } from './server.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

declare module 'vitest' {
  export interface ProvidedContext {
    /** Where the browser opens the app, e.g. http://localhost:41234. */
    baseUrl: string;
    /** A scratch folder shared by all test files of this run. */
    stateDir: string;
  }
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}

/** Builds the web app when dist/web is missing or older than its sources. */
function buildWebIfNeeded(): void {
  const built = path.join(ROOT, 'dist/web/index.html');
  const sources = Math.max(newestMtime(path.join(ROOT, 'web')), fs.statSync(path.join(ROOT, 'vite.config.ts')).mtimeMs);
  if (fs.existsSync(built) && fs.statSync(built).mtimeMs >= sources) return;
  const result = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('`npx vite build` failed');
}

export default async function setup(project: TestProject) {
  buildWebIfNeeded();
  const stateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'baken-e2e-state-'));
  const server = await startServer();
  project.provide('baseUrl', server.baseUrl);
  project.provide('stateDir', stateDir);

  return async () => {
    await server.stop();
    fs.rmSync(stateDir, { recursive: true, force: true });
  };
}
