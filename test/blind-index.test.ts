import crypto from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dateOfBirthToken, namePairTokens, nameToken, nameTokens, nameWords } from '../src/crypto/blind-index.ts';
import { testKeyring } from './helpers/test-context.ts';

describe('blind indexes for names', () => {
  it('ignores case, diacritics, punctuation and word order', () => {
    expect(nameWords(['Ana-Lucía  GÓMEZ'])).toEqual(['ana', 'lucia', 'gomez']);
    const k = testKeyring();
    expect(new Set(nameTokens(k, ['MARÍN, Ioana']))).toEqual(new Set(nameTokens(k, ['ioana marin'])));
    expect(namePairTokens(k, ['Marin Ioana'])).toEqual(namePairTokens(k, ['ioana MARIN']));
  });

  it('shares a pair token exactly when two names share at least two words', () => {
    const k = testKeyring();
    const word = fc.constantFrom('maria', 'ioana', 'popescu', 'marin', 'tran', 'okafor', 'grace', 'elena');
    fc.assert(
      fc.property(fc.uniqueArray(word, { minLength: 1, maxLength: 4 }), fc.uniqueArray(word, { minLength: 1, maxLength: 4 }), (a, b) => {
        const shared = a.filter((w) => b.includes(w)).length;
        const pairsA = new Set(namePairTokens(k, [a.join(' ')]));
        const sharesPair = namePairTokens(k, [b.join(' ')]).some((p) => pairsA.has(p));
        return sharesPair === shared >= 2;
      }),
    );
  });

  it('stays the same when a newer key is added (rotation) and differs under another keyring', () => {
    const k = testKeyring();
    const rotated = { activeKeyId: 'kzz-newer', keys: new Map([...k.keys, ['kzz-newer', crypto.randomBytes(32)]]) };
    expect(nameToken(rotated, 'Popescu')).toBe(nameToken(k, 'popescu'));
    expect(dateOfBirthToken(rotated, '1999-04-12')).toBe(dateOfBirthToken(k, '1999-04-12'));
    expect(nameToken(testKeyring(), 'Popescu')).not.toBe(nameToken(k, 'Popescu'));
    expect(nameToken(k, 'P')).toBeNull();
  });
});
