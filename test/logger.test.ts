import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../src/logger.ts';

function capture() {
  const lines: string[] = [];
  const stream = new Writable({ write(chunk, _enc, done) { lines.push(String(chunk)); done(); } });
  return { logger: createLogger('info', stream), lines };
}

describe('logs', () => {
  it('redact personal data and secrets', () => {
    const { logger, lines } = capture();
    logger.info({ email: 'anna@example.org', body: { password: 'hunter2-hunter2', code: '123456', name: 'Anna de Vries' }, token: 'abc' }, 'event');
    const text = lines.join('');
    for (const secret of ['anna@example.org', 'hunter2', '123456', 'Anna de Vries', '"abc"']) expect(text).not.toContain(secret);
    expect(text).toContain('[redacted]');
  });

  it('log requests by path only, never the query string', () => {
    const { logger, lines } = capture();
    logger.info({ req: { method: 'GET', url: '/api/admin/users?q=Anna%20de%20Vries', ip: '127.0.0.1' } }, 'incoming request');
    expect(lines.join('')).toContain('"path":"/api/admin/users"');
    expect(lines.join('')).not.toContain('Anna');
  });
});
