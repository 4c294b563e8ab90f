/**
 * Test-only helpers. `normalize` mirrors what the decode module does to its output (NFKC per
 * character, both zero glyphs folded to 〇, CRLF → LF, zero-width characters removed), until the
 * real one lands in `../decode`.
 */
export function normalize(s: string): string {
  return s
    .normalize('NFKC')
    .replace(/[○]/g, '〇')
    .replace(/\r\n?/g, '\n')
    .replace(/[\u200b-\u200d\u2060\ufeff]/g, '');
}

/** Deterministic pseudo-random CJK text (LCG), `length` characters, no line breaks. */
export function randomCjk(length: number, seed = 12345): string {
  let x = seed >>> 0;
  const out: string[] = new Array(length);
  for (let i = 0; i < length; i++) {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    out[i] = String.fromCharCode(0x4e00 + (x % 0x5000));
  }
  return out.join('');
}

/** Runs `fn` and returns its result and the elapsed milliseconds. */
export function timed<T>(fn: () => T): { result: T; ms: number } {
  const t0 = performance.now();
  const result = fn();
  return { result, ms: performance.now() - t0 };
}
