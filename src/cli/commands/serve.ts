import { outreachContactJobHandlers, outreachContactRecurringJobs } from '../../outreach-work/contact/contact-jobs.ts';
import { outreachImportJobHandlers, outreachImportRecurringJobs } from '../../outreach-work/import/import-jobs.ts';
import os from 'node:os';
import type { Command } from 'commander';
import { openServices } from '../../app-services.ts';
import { loadConfig } from '../../config.ts';
import { seedDemo } from '../../demo/seed-demo.ts';
import { buildServer } from '../../http/server.ts';
import type { ServerState } from '../../http/server-state.ts';
import { OffsetClock } from '../../clock.ts';
import { clockJobHandlers, clockRecurringJobs } from '../../clocks/clock-jobs.ts';
import { retentionJobHandlers, retentionRecurringJobs } from '../../retention/retention-jobs.ts';
import { foundationJobHandlers, foundationRecurringJobs } from '../../jobs/foundation-jobs.ts';
import { createWorker, type Worker } from '../../jobs/worker.ts';
import { createLogger } from '../../logger.ts';
import { runCommand } from '../open.ts';

const SHUTDOWN_GRACE_MS = 20_000;

export function register(program: Command) {
  program
    .command('serve')
    .description('start the web app, API and background jobs (PORT, default 3000)')
    .action(() => runCommand(serve));
}

async function serve() {
  const started = performance.now();
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const state: ServerState = { services: null, ready: false };
  const app = await buildServer(config, state, logger);
  // Listen first: /api/health answers 503 while the database opens and migrates.
  await app.listen({ port: config.port, host: config.host });

  const services = await openServices(config, { logger, ...(config.testClock ? { clock: new OffsetClock() } : {}) });
  if (config.testClock) logger.warn('BAKEN_TEST_CLOCK is on: POST /api/test/clock moves server time (browser tests only)');
  state.services = services;
  if (services.migration.applied.length > 0) logger.info({ applied: services.migration.applied }, 'migrations applied');
  const embedded = services.database.kind === 'pglite';
  const seed = config.seedDemo === 'always' || (config.seedDemo === 'auto' && embedded && services.migration.wasEmpty);
  if (seed) {
    const report = await seedDemo(services);
    if (report.seeded) logger.info(report, 'demo data seeded (see README for the demo logins)');
  }
  let worker: Worker | null = null;
  if (config.jobsEnabled) {
    worker = createWorker({
      services,
      handlers: { ...foundationJobHandlers, ...clockJobHandlers, ...retentionJobHandlers, ...outreachImportJobHandlers, ...outreachContactJobHandlers },
      recurring: [...foundationRecurringJobs, ...clockRecurringJobs, ...retentionRecurringJobs, ...outreachImportRecurringJobs, ...outreachContactRecurringJobs],
      workerId: `${os.hostname()}:${process.pid}`,
      pollMs: config.jobPollMs,
    });
    await worker.start();
  }
  state.ready = true;
  const address = `http://${config.host === '127.0.0.1' || config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port}`;
  logger.info({ database: services.database.kind, ms: Math.round(performance.now() - started) }, `Baken is ready on ${address}`);
  process.stderr.write(`\nBaken is ready on ${address} (database: ${services.database.kind}, started in ${Math.round(performance.now() - started)} ms)\n\n`);

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping: finishing requests and jobs in progress');
    // Stop taking work, let in-flight requests and the job in hand finish, then close the database.
    // Keep-alive connections that go idle after their last response are closed as they go idle
    // (otherwise close() waits out the keep-alive timeout); a request still running after the grace
    // period is cut off.
    const idleSweep = setInterval(() => app.server.closeIdleConnections(), 100);
    const hardStop = setTimeout(() => app.server.closeAllConnections(), SHUTDOWN_GRACE_MS);
    await app.close();
    clearInterval(idleSweep);
    clearTimeout(hardStop);
    await worker?.stop();
    state.ready = false;
    await services.database.close();
    logger.info('stopped');
    process.exit(0);
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));
}
