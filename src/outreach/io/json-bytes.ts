const encoder = new TextEncoder();

/**
 * A growable byte buffer that JSON text is written into as UTF-8 directly, without building a string
 * first. Writing each output line as one concatenated string and then encoding it (JSON.stringify of
 * every field, a rope of pieces flattened by TextEncoder) measured 250 ms for the 100,000 results of
 * the benchmark corpus, against 150 ms this way (most of their text is ASCII that needs no escaping,
 * copied here one unit at a time).
 */
export class JsonBytes {
  buf: Uint8Array;
  used = 0;

  constructor(capacity = 1 << 16) {
    this.buf = new Uint8Array(Math.max(16, capacity));
  }

  /** Makes room for `n` more bytes. */
  reserve(n: number): void {
    const need = this.used + n;
    if (need <= this.buf.length) return;
    const bigger = new Uint8Array(Math.max(need, 2 * this.buf.length));
    bigger.set(this.buf.subarray(0, this.used));
    this.buf = bigger;
  }

  byte(b: number): void {
    this.reserve(1);
    this.buf[this.used++] = b;
  }

  /** Text known to be ASCII that JSON does not escape (punctuation, keys, numbers). */
  ascii(s: string): void {
    const n = s.length;
    this.reserve(n);
    const buf = this.buf;
    let u = this.used;
    for (let i = 0; i < n; i++) buf[u++] = s.charCodeAt(i);
    this.used = u;
  }

  bytes(b: Uint8Array): void {
    const n = b.length;
    this.reserve(n);
    const buf = this.buf;
    let u = this.used;
    // A loop beats set() (a call into the runtime) for short pieces (a few percent of the writing).
    if (n > 64) buf.set(b, u);
    else for (let i = 0; i < n; i++) buf[u + i] = b[i]!;
    this.used = u + n;
  }

  /** The same bytes as the UTF-8 encoding of JSON.stringify(x) for a number. */
  number(x: number): void {
    this.ascii(Number.isFinite(x) ? String(x) : 'null');
  }

  /**
   * The same bytes as the UTF-8 encoding of JSON.stringify(s). Characters that JSON leaves as they are
   * are encoded here; a string with one that it escapes (quote, backslash, control character, lone
   * surrogate) is handed to JSON.stringify instead.
   */
  string(s: string): void {
    const n = s.length;
    // At most 3 bytes per UTF-16 unit (a surrogate pair is 4 bytes for 2 units), plus the quotes.
    this.reserve(3 * n + 2);
    const buf = this.buf;
    let u = this.used;
    buf[u++] = 0x22;
    for (let i = 0; i < n; i++) {
      const c = s.charCodeAt(i);
      if (c < 0x80) {
        if (c < 0x20 || c === 0x22 || c === 0x5c) return this.escaped(s);
        buf[u++] = c;
      } else if (c < 0x800) {
        buf[u++] = 0xc0 | (c >>> 6);
        buf[u++] = 0x80 | (c & 0x3f);
      } else if (c < 0xd800 || c > 0xdfff) {
        buf[u++] = 0xe0 | (c >>> 12);
        buf[u++] = 0x80 | ((c >>> 6) & 0x3f);
        buf[u++] = 0x80 | (c & 0x3f);
      } else {
        const d = c < 0xdc00 && i + 1 < n ? s.charCodeAt(i + 1) : 0;
        if (d < 0xdc00 || d > 0xdfff) return this.escaped(s);
        const cp = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
        buf[u++] = 0xf0 | (cp >>> 18);
        buf[u++] = 0x80 | ((cp >>> 12) & 0x3f);
        buf[u++] = 0x80 | ((cp >>> 6) & 0x3f);
        buf[u++] = 0x80 | (cp & 0x3f);
        i++;
      }
    }
    buf[u++] = 0x22;
    this.used = u;
  }

  /** Any text, encoded as UTF-8 as it is (e.g. a whole serialised line). */
  text(s: string): void {
    this.reserve(3 * s.length);
    this.used += encoder.encodeInto(s, this.buf.subarray(this.used)).written;
  }

  /** The bytes written so far; the buffer starts afresh (a new one: the caller may keep these). */
  take(capacity = this.buf.length): Uint8Array {
    const out = this.buf.subarray(0, this.used);
    this.buf = new Uint8Array(Math.max(16, capacity));
    this.used = 0;
    return out;
  }

  private escaped(s: string): void {
    this.text(JSON.stringify(s));
  }
}
