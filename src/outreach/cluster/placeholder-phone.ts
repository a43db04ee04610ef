/**
 * Numbers such as +31 6 12345678 or +31 6 00000000 are placeholders (templates, site examples,
 * "call 0612345678"), not anybody's line: linking on them glues unrelated advertisers together.
 * A run of 7+ digits counting up, counting down or repeating marks one; by chance a real number
 * has such a run with a probability of roughly 1 in 10^5.
 */
const RUN = 7;

export function isPlaceholderPhone(e164: string): boolean {
  let up = 1;
  let down = 1;
  let same = 1;
  for (let i = 2; i < e164.length; i++) {
    const prev = e164.charCodeAt(i - 1) - 48;
    const d = e164.charCodeAt(i) - 48;
    if (d < 0 || d > 9 || prev < 0 || prev > 9) {
      up = down = same = 1;
      continue;
    }
    up = d === (prev + 1) % 10 ? up + 1 : 1;
    down = d === (prev + 9) % 10 ? down + 1 : 1;
    same = d === prev ? same + 1 : 1;
    if (up >= RUN || down >= RUN || same >= RUN) return true;
  }
  return false;
}
