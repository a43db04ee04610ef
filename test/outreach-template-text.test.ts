import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Mask } from '../src/outreach/analyze/contacts.ts';
import { buildTemplateText } from '../src/outreach/analyze/template-text.ts';

const LETTER = /^[\p{L}\p{M}]$/u;
const TOKENS = ['<phone>', '<email>', '<handle>', '<url>', '<name>', '<city>'];

/**
 * What buildTemplateText does, written plainly: words of letters (any script, one UTF-16 unit at a
 * time), "<num>" for each run of ASCII digits, each mask's placeholder for its span (a mask that starts
 * inside an earlier one is dropped), everything else a word break; words joined by one space.
 */
function reference(folded: string, masks: Mask[]): string {
  const sorted = [...masks].sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const words: string[] = [];
  let word = '';
  const flush = () => {
    if (word) words.push(word);
    word = '';
  };
  const isDigit = (c: string) => c >= '0' && c <= '9';
  let m = 0;
  let i = 0;
  while (i < folded.length) {
    if (m < sorted.length && i >= sorted[m]![0]) {
      const [, end, token] = sorted[m]!;
      flush();
      words.push(token);
      m++;
      while (m < sorted.length && sorted[m]![0] < end) m++;
      if (end > i) i = end;
      continue;
    }
    const c = folded[i]!;
    if (LETTER.test(c)) {
      word += c;
      i++;
    } else if (isDigit(c)) {
      flush();
      words.push('<num>');
      i++;
      while (i < folded.length && (m >= sorted.length || i < sorted[m]![0]) && isDigit(folded[i]!)) i++;
    } else {
      flush();
      i++;
    }
  }
  flush();
  return words.join(' ');
}

const unit = fc.constantFrom('a', 'z', 'é', 'ж', 'ก', '่', '中', '1', '7', ' ', '.', '-', '\n', '💋', '\ud83d', '@', '€');
const textAndMasks = fc
  .array(unit, { maxLength: 80 })
  .map((units) => units.join(''))
  .chain((text) =>
    fc.tuple(
      fc.constant(text),
      fc.array(
        fc.tuple(fc.nat({ max: text.length }), fc.nat({ max: 12 }), fc.constantFrom(...TOKENS)).map(([start, len, token]): Mask => [start, Math.min(text.length, start + len), token]),
        { maxLength: 6 },
      ),
    ),
  );

describe('buildTemplateText', () => {
  it('matches the plain reference on any text and masks', () => {
    fc.assert(
      fc.property(textAndMasks, ([text, masks]) => {
        expect(buildTemplateText(text, masks.map((x) => [...x] as Mask))).toBe(reference(text, masks));
      }),
      { numRuns: 2000 },
    );
  });

  it('writes the longest output a text can give (digits between letters, masks everywhere) without losing any of it', () => {
    const text = 'a1'.repeat(6000);
    expect(buildTemplateText(text, [])).toBe(reference(text, []));
    const masks: Mask[] = Array.from({ length: 3000 }, (_, k) => [4 * k, 4 * k + 1, '<handle>']);
    expect(buildTemplateText(text, masks.map((x) => [...x] as Mask))).toBe(reference(text, masks));
  });

  it('masks placeholders, numbers and punctuation as a template of the ad', () => {
    const text = 'hi, i am anna (23) from utrecht! call 06 1234 5678 💋';
    const span = (part: string, token: string): Mask => [text.indexOf(part), text.indexOf(part) + part.length, token];
    const masks: Mask[] = [span('06 1234 5678', '<phone>'), span('anna', '<name>'), span('utrecht', '<city>')];
    expect(buildTemplateText(text, masks)).toBe('hi i am <name> <num> from <city> call <phone>');
  });
});
