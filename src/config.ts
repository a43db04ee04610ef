import path from 'node:path';
import { z } from 'zod';

/**
 * All configuration comes from environment variables, parsed once at start-up. Every variable is
 * listed here with its default; an invalid value stops the process with a message that names every
 * invalid variable at once (not just the first).
 */
const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

const schema = z.object({
  PORT: int(0, 65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  BAKEN_DATA_DIR: z.string().min(1).default('./data'),
  BAKEN_KEY_FILE: z.string().min(1).optional(),
  BAKEN_SEED_DEMO: z.enum(['auto', 'never', 'always']).default('auto'),
  BAKEN_REQUIRE_2FA: z.enum(['personal-data', 'all', 'none']).default('personal-data'),
  BAKEN_COOKIE_SECURE: bool.default(true),
  BAKEN_SESSION_IDLE_MINUTES: int(1, 24 * 60).default(30),
  BAKEN_SESSION_ABSOLUTE_HOURS: int(1, 24 * 14).default(12),
  BAKEN_LOGIN_MAX_FAILURES: int(1, 100).default(5),
  BAKEN_LOGIN_LOCKOUT_MINUTES: int(1, 24 * 60).default(15),
  BAKEN_LOGIN_RATE_PER_MINUTE: int(1, 10_000).default(20),
  BAKEN_JOBS: bool.default(true),
  BAKEN_JOB_POLL_MS: int(10, 60_000).default(1000),
  BAKEN_TRUST_PROXY: bool.default(false),
  BAKEN_BODY_LIMIT_BYTES: int(1024, 100 * 1024 * 1024).default(1024 * 1024),
  BAKEN_PROFILE: z.string().regex(/^[a-z0-9-]+$/, 'must be a profile id such as "nl"').default('nl'),
  BAKEN_PUBLIC_POW_BITS: int(0, 24).default(14),
  BAKEN_PUBLIC_REPORTS_PER_HOUR: int(1, 100_000).default(30),
  BAKEN_TEST_CLOCK: z.enum(['off', 'on']).default('off'),
  BAKEN_OUTREACH_RETENTION_DAYS: int(1, 3650).default(90),
  BAKEN_OUTREACH_PROVIDER: z.enum(['outbox', 'development']).default('outbox'),
  BAKEN_OUTREACH_SENDER: z.string().min(1).max(11).regex(/^[A-Za-z0-9 ]+$/, 'must be up to 11 letters, digits or spaces (an SMS sender name)').default('Info'),
  BAKEN_OUTREACH_CHAT_LINK: z.string().url().startsWith('https://', 'must be an https:// link').default('https://chat.example.org/hi'),
  NODE_ENV: z.string().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type Config = {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  keyFile: string;
  filesDir: string;
  seedDemo: 'auto' | 'never' | 'always';
  require2fa: 'personal-data' | 'all' | 'none';
  cookieSecure: boolean;
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
  loginMaxFailures: number;
  loginLockoutMinutes: number;
  loginRatePerMinute: number;
  jobsEnabled: boolean;
  jobPollMs: number;
  trustProxy: boolean;
  bodyLimitBytes: number;
  logLevel: string;
  /** The jurisdiction profile new cases are registered under (profiles/<id>-*.json, newest version). */
  profileId: string;
  /** Proof-of-work difficulty (leading zero bits) for public reports. */
  publicPowBits: number;
  publicReportsPerHour: number;
  /**
   * Browser tests only: the server's time can be moved forward through POST /api/test/clock, so the
   * legal clocks can be seen warning and escalating. Refused when NODE_ENV is production.
   */
  testClock: boolean;
  /** Online outreach: days after which ads of people never contacted are purged. */
  outreachRetentionDays: number;
  /** Online outreach: how messages leave ('outbox': a worker sends them by hand; 'development': recorded, never sent). */
  outreachProvider: 'outbox' | 'development';
  /** Online outreach: the neutral sender name of first messages. */
  outreachSender: string;
  /** Online outreach: the chat link offered in first messages ({chatLink}). */
  outreachChatLink: string;
};

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  // Treat empty strings as unset so `PORT=` behaves like no PORT at all.
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = schema.safeParse(cleaned);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message} (got ${JSON.stringify(cleaned[String(i.path[0])] ?? null)})`),
    );
  }
  const e = parsed.data;
  if (e.BAKEN_TEST_CLOCK === 'on' && e.NODE_ENV === 'production') {
    throw new ConfigError(['BAKEN_TEST_CLOCK: the movable test clock is for browser tests and cannot be on when NODE_ENV is production (got "on")']);
  }
  const dataDir = path.resolve(e.BAKEN_DATA_DIR);
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir,
    keyFile: path.resolve(e.BAKEN_KEY_FILE ?? path.join(dataDir, 'keys.json')),
    filesDir: path.join(dataDir, 'files'),
    seedDemo: e.BAKEN_SEED_DEMO,
    require2fa: e.BAKEN_REQUIRE_2FA,
    cookieSecure: e.BAKEN_COOKIE_SECURE,
    sessionIdleMinutes: e.BAKEN_SESSION_IDLE_MINUTES,
    sessionAbsoluteHours: e.BAKEN_SESSION_ABSOLUTE_HOURS,
    loginMaxFailures: e.BAKEN_LOGIN_MAX_FAILURES,
    loginLockoutMinutes: e.BAKEN_LOGIN_LOCKOUT_MINUTES,
    loginRatePerMinute: e.BAKEN_LOGIN_RATE_PER_MINUTE,
    jobsEnabled: e.BAKEN_JOBS,
    jobPollMs: e.BAKEN_JOB_POLL_MS,
    trustProxy: e.BAKEN_TRUST_PROXY,
    bodyLimitBytes: e.BAKEN_BODY_LIMIT_BYTES,
    logLevel: e.LOG_LEVEL,
    profileId: e.BAKEN_PROFILE,
    publicPowBits: e.BAKEN_PUBLIC_POW_BITS,
    publicReportsPerHour: e.BAKEN_PUBLIC_REPORTS_PER_HOUR,
    testClock: e.BAKEN_TEST_CLOCK === 'on',
    outreachRetentionDays: e.BAKEN_OUTREACH_RETENTION_DAYS,
    outreachProvider: e.BAKEN_OUTREACH_PROVIDER,
    outreachSender: e.BAKEN_OUTREACH_SENDER,
    outreachChatLink: e.BAKEN_OUTREACH_CHAT_LINK,
  };
}
