import type { Keyring } from './keyring.ts';
import { derivedKey, hmacHex } from './derived-keys.ts';

/**
 * Blind indexes: keyed hashes of normalised name words and dates of birth, so that registrars can
 * search by name and see possible duplicates without any plaintext identity in the database (names
 * themselves are only stored encrypted). A stolen database without the key file reveals nothing;
 * equal tokens only show that two records share a word.
 */
export function normaliseNameWord(word: string): string {
  return word
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

/** Words of at least two characters from names and aliases, normalised (diacritics, case, punctuation). */
export function nameWords(names: readonly (string | null | undefined)[]): string[] {
  const words = new Set<string>();
  for (const name of names) {
    if (!name) continue;
    for (const raw of name.split(/[\s\-–,.'’/]+/u)) {
      const word = normaliseNameWord(raw);
      if (word.length >= 2) words.add(word);
    }
  }
  return [...words];
}

export function nameTokens(keyring: Keyring, names: readonly (string | null | undefined)[]): string[] {
  const key = derivedKey(keyring, 'blind-index');
  return nameWords(names).map((word) => hmacHex(key, `name:${word}`));
}

/**
 * One token per unordered pair of name words: two records share a pair token exactly when they
 * share at least two name words, which an index can find without comparing every common first name.
 */
export function namePairTokens(keyring: Keyring, names: readonly (string | null | undefined)[]): string[] {
  const key = derivedKey(keyring, 'blind-index');
  const words = nameWords(names).slice(0, 12).sort();
  const pairs: string[] = [];
  for (let i = 0; i < words.length; i++) for (let j = i + 1; j < words.length; j++) pairs.push(hmacHex(key, `pair:${words[i]}|${words[j]}`));
  return pairs;
}

export function nameToken(keyring: Keyring, word: string): string | null {
  const normalised = normaliseNameWord(word);
  return normalised.length >= 2 ? hmacHex(derivedKey(keyring, 'blind-index'), `name:${normalised}`) : null;
}

export function dateOfBirthToken(keyring: Keyring, dateOfBirth: string | null | undefined): string | null {
  return dateOfBirth ? hmacHex(derivedKey(keyring, 'blind-index'), `dob:${dateOfBirth}`) : null;
}

/**
 * Online outreach: the keyed hash of a phone number (E.164), for the opt-out register and for finding
 * earlier contacts with the same number without storing or indexing the number itself.
 */
export function phoneToken(keyring: Keyring, e164: string): string {
  return hmacHex(derivedKey(keyring, 'blind-index'), `phone:${e164}`);
}

/**
 * Online outreach: the keyed hash of one clustering key of an ad (a phone, e-mail or handle, a photo-hash
 * band, a template LSH band), so that new ads find the clusters they may join through an index that
 * holds no plaintext identifier.
 */
export function outreachKeyToken(keyring: Keyring, key: string): string {
  return hmacHex(derivedKey(keyring, 'blind-index'), `outreach:${key}`, 24);
}
