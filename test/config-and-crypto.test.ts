import crypto from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.ts';
import { decryptField, encryptField, keyIdOf, rewrapField } from '../src/crypto/envelope.ts';
import type { Keyring } from '../src/crypto/keyring.ts';

describe('configuration', () => {
  it('lists every invalid variable at once', () => {
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', BAKEN_REQUIRE_2FA: 'sometimes', BAKEN_SESSION_IDLE_MINUTES: '0' });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      const msg = (e as Error).message;
      for (const v of ['PORT', 'DATABASE_URL', 'BAKEN_REQUIRE_2FA', 'BAKEN_SESSION_IDLE_MINUTES']) expect(msg).toContain(v);
      expect((e as ConfigError).problems).toHaveLength(4);
    }
  });

  it('has safe defaults', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ port: 3000, cookieSecure: true, require2fa: 'personal-data', seedDemo: 'auto', databaseUrl: undefined });
  });
});

describe('envelope encryption', () => {
  const ring = (): Keyring => ({ activeKeyId: 'a', keys: new Map([['a', crypto.randomBytes(32)]]) });

  it('round-trips any text and never stores it in the clear', () => {
    const k = ring();
    fc.assert(
      fc.property(fc.string({ minLength: 4 }), fc.string(), (text, aad) => {
        const sealed = encryptField(k, text, aad);
        expect(sealed).not.toContain(text);
        expect(decryptField(k, sealed, aad)).toBe(text);
      }),
    );
  });

  it('refuses a value moved to another place or tampered with', () => {
    const k = ring();
    const sealed = encryptField(k, 'secret', 'users.totp_secret:1');
    expect(() => decryptField(k, sealed, 'users.totp_secret:2')).toThrow();
    const parts = sealed.split('.');
    const body = Buffer.from(parts[3]!, 'base64url');
    body[body.length - 20]! ^= 1;
    parts[3] = body.toString('base64url');
    expect(() => decryptField(k, parts.join('.'), 'users.totp_secret:1')).toThrow();
  });

  it('re-wraps under a new key without changing the plaintext', () => {
    const k = ring();
    const sealed = encryptField(k, 'secret', 'x');
    const rotated: Keyring = { activeKeyId: 'b', keys: new Map([...k.keys, ['b', crypto.randomBytes(32)]]) };
    const rewrapped = rewrapField(rotated, sealed, 'x')!;
    expect(keyIdOf(rewrapped)).toBe('b');
    expect(decryptField(rotated, rewrapped, 'x')).toBe('secret');
    expect(rewrapField(rotated, rewrapped, 'x')).toBeNull();
  });
});
