/**
 * Name-derived identifiers: a handle or e-mail address that is the advertiser's stated name with a
 * decoration ("telegram:jessicax", "instagram:sanne.xx", "lisa_love@...") says little more than the
 * name itself. Common names are shared by many unrelated advertisers, so such identifiers collide by
 * chance (or are reused on another platform by someone else): they are weaker evidence than a number
 * or a handle with information of its own ("chantal191@...", "telegram:vb7731").
 */

/** Affixes that carry no information of their own (in handles of any language). */
const DECORATIONS: ReadonlySet<string> = new Set([
  'x', 'xx', 'xxx', 'xo', 'xoxo', 'love', 'lover', 'lovely', 'vip', 'sexy', 'hot', 'baby', 'babe', 'real', 'official',
  'the', 'miss', 'mrs', 'ms', 'lady', 'girl', 'escort', 'sweet', 'kiss', 'kisses', 'private', 'new', 'only', 'me', 'its', 'im',
]);

const MAX_DECORATION = Math.max(...[...DECORATIONS].map((d) => d.length));

/**
 * Whether `identifier` (an e-mail address or a "platform:handle") is one of `names` plus decorations,
 * separators and at most two digits, or only decorations ("lady_love"). `names` are the ad's persona
 * names (lower case).
 */
export function isNameDerived(identifier: string, names: readonly string[]): boolean {
  let local = identifier;
  const at = local.indexOf('@');
  if (at >= 0) local = local.slice(0, at);
  const colon = local.lastIndexOf(':');
  if (colon >= 0) local = local.slice(colon + 1);
  local = local.toLowerCase();
  // Decorations only ("lady_love", "vip69") or too short ("oo3l"): says nothing, name or not.
  // (An e-mail's domain may carry what its local part does not: "info@" counts only for handles.)
  if (residualIsNoise(local) || (at < 0 && isTooShort(local))) return true;
  for (const name of names) {
    if (name.length < 2) continue;
    const i = local.indexOf(name);
    if (i < 0) continue;
    if (residualIsNoise(local.slice(0, i)) && residualIsNoise(local.slice(i + name.length))) return true;
  }
  return false;
}

function residualIsNoise(rest: string): boolean {
  if (rest === '') return true;
  if (isAscii(rest)) return asciiResidualIsNoise(rest);
  let digits = 0;
  for (const token of rest.split(/[^\p{L}\p{N}]+/u)) {
    if (token === '') continue;
    // Letters then digits ("xx69", "love2"): each part judged on its own.
    const m = /^(\p{L}*)(\p{N}*)$/u.exec(token);
    if (!m) return false;
    const [, letters, nums] = m as unknown as [string, string, string];
    if (letters !== '' && !isDecorations(letters)) return false;
    digits += nums.length;
  }
  return digits <= 2;
}

/**
 * residualIsNoise for ASCII text, by character codes (with the Unicode regular expressions alone, the
 * 29,000 e-mails and handles of the 100,000-ad corpus took 52 ms to judge; 34 ms with this): in ASCII,
 * letters are A-Z and a-z, numbers 0-9, and everything else separates tokens.
 */
function asciiResidualIsNoise(rest: string): boolean {
  let digits = 0;
  let i = 0;
  while (i < rest.length) {
    if (!isAsciiAlnum(rest.charCodeAt(i))) {
      i++;
      continue;
    }
    // A token: letters, then digits, and nothing after them.
    const start = i;
    while (i < rest.length && isAsciiLetter(rest.charCodeAt(i))) i++;
    const lettersEnd = i;
    while (i < rest.length && isAsciiDigit(rest.charCodeAt(i))) i++;
    if (i < rest.length && isAsciiLetter(rest.charCodeAt(i))) return false;
    if (lettersEnd > start && !isDecorations(rest.slice(start, lettersEnd))) return false;
    digits += i - lettersEnd;
  }
  return digits <= 2;
}

function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) return false;
  return true;
}

function isAsciiLetter(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);
}

function isAsciiDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

function isAsciiAlnum(c: number): boolean {
  return isAsciiLetter(c) || isAsciiDigit(c);
}

/** Whether `s` is decorations written together ("ladylove", "xxvip"). */
function isDecorations(s: string): boolean {
  if (s.length > 40) return false;
  // ok[i]: s.slice(0, i) splits into decorations
  const ok = new Uint8Array(s.length + 1);
  ok[0] = 1;
  for (let i = 1; i <= s.length; i++) {
    for (let j = Math.max(0, i - MAX_DECORATION); j < i && !ok[i]; j++) if (ok[j] && DECORATIONS.has(s.slice(j, i))) ok[i] = 1;
  }
  return ok[s.length] === 1;
}

/** Handles shorter than this (letters and digits) are too short to be told apart ("oo3l"). */
const MIN_INFORMATIVE = 5;

/** Whether a handle or e-mail's local part has too few letters and digits to identify anyone. */
export function isTooShort(local: string): boolean {
  let count = 0;
  for (const ch of local) {
    // ASCII by character code; other characters by their Unicode category.
    const c = ch.charCodeAt(0);
    if ((c < 0x80 ? isAsciiAlnum(c) : /[\p{L}\p{N}]/u.test(ch)) && ++count >= MIN_INFORMATIVE) return false;
  }
  return true;
}
