import type { MappedText, Span } from '../types.ts';

/** A MappedText whose every character maps to itself. */
export function identityText(s: string): MappedText {
  const n = s.length;
  const offsets = new Int32Array(n + 1);
  for (let i = 0; i <= n; i++) offsets[i] = i;
  return { text: s, offsets };
}

/**
 * Re-express `outer` (whose offsets index into `inner.text`) in terms of `inner`'s original, so a
 * chain of transformations still points at the very first input.
 */
export function compose(outer: MappedText, inner: MappedText): MappedText {
  const src = outer.offsets;
  const offsets = new Int32Array(src.length);
  const via = inner.offsets;
  const last = via.length - 1;
  for (let i = 0; i < src.length; i++) {
    const k = src[i] ?? 0;
    // Clamping keeps a sloppy end offset from turning into `undefined` (NaN → 0) silently.
    offsets[i] = via[k < 0 ? 0 : k > last ? last : k] ?? 0;
  }
  return { text: outer.text, offsets };
}

/** Map `[a, b)` of `m.text` to the matching span of the original input. */
export function toSourceSpan(m: MappedText, span: readonly [number, number]): Span {
  const last = m.offsets.length - 1;
  const clamp = (i: number) => (i < 0 ? 0 : i > last ? last : i);
  return [m.offsets[clamp(span[0])] ?? 0, m.offsets[clamp(span[1])] ?? 0];
}

/** Slice of the original input that `[a, b)` of `m.text` came from. */
export function sourceSlice(
  source: string,
  m: MappedText,
  span: readonly [number, number],
): string {
  const [a, b] = toSourceSpan(m, span);
  return source.slice(a, b);
}

const FROM_CHAR_CODE_CHUNK = 8192;

/**
 * Accumulates output characters with their source offsets. Backed by typed arrays rather than
 * string concatenation so that `truncate` (needed to retract page furniture after the fact) is
 * O(1) and 50 MB inputs do not create millions of small strings.
 */
export class MappedTextBuilder {
  private codes: Uint16Array;
  private offs: Int32Array;
  private len = 0;

  constructor(capacity = 64) {
    const cap = Math.max(16, capacity | 0);
    this.codes = new Uint16Array(cap);
    this.offs = new Int32Array(cap + 1);
  }

  /** Number of UTF-16 code units written so far. */
  get length(): number {
    return this.len;
  }

  /** Append `chars`, every one of them mapped to `sourceOffset`. */
  append(chars: string, sourceOffset: number): this {
    const n = chars.length;
    if (this.len + n > this.codes.length) this.grow(n);
    for (let i = 0; i < n; i++) {
      this.codes[this.len] = chars.charCodeAt(i);
      this.offs[this.len++] = sourceOffset;
    }
    return this;
  }

  /** Append one UTF-16 code unit mapped to `sourceOffset`. */
  appendCode(code: number, sourceOffset: number): this {
    if (this.len >= this.codes.length) this.grow(1);
    this.codes[this.len] = code;
    this.offs[this.len++] = sourceOffset;
    return this;
  }

  /** Append `source.slice(start, end)`, character i mapped to `sourceStart + (i - start)`. */
  appendSlice(source: string, start: number, end: number, sourceStart = start): this {
    const n = end - start;
    if (n <= 0) return this;
    if (this.len + n > this.codes.length) this.grow(n);
    const delta = sourceStart - start;
    for (let i = start; i < end; i++) {
      this.codes[this.len] = source.charCodeAt(i);
      this.offs[this.len++] = i + delta;
    }
    return this;
  }

  /** Append a MappedText's characters with their own offsets. */
  appendMapped(m: MappedText, start = 0, end = m.text.length): this {
    const n = end - start;
    if (n <= 0) return this;
    if (this.len + n > this.codes.length) this.grow(n);
    for (let i = start; i < end; i++) {
      this.codes[this.len] = m.text.charCodeAt(i);
      this.offs[this.len++] = m.offsets[i] ?? 0;
    }
    return this;
  }

  /** Append code units `[from, to)` of another builder, with their offsets. */
  appendFrom(other: MappedTextBuilder, from: number, to: number): this {
    const n = to - from;
    if (n <= 0) return this;
    if (this.len + n > this.codes.length) this.grow(n);
    this.codes.set(other.codes.subarray(from, to), this.len);
    this.offs.set(other.offs.subarray(from, to), this.len);
    this.len += n;
    return this;
  }

  /** Code unit at `i`. */
  codeAt(i: number): number {
    return this.codes[i] ?? 0;
  }

  /** Source offset of code unit `i`. */
  offsetAt(i: number): number {
    return this.offs[i] ?? 0;
  }

  /** Last code unit written, or -1 when empty. */
  lastCode(): number {
    return this.len > 0 ? (this.codes[this.len - 1] ?? -1) : -1;
  }

  /** Source offset of the last code unit written, or -1 when empty. */
  lastOffset(): number {
    return this.len > 0 ? (this.offs[this.len - 1] ?? -1) : -1;
  }

  /** Forget everything after the first `length` code units. */
  truncate(length: number): this {
    if (length < this.len) this.len = Math.max(0, length);
    return this;
  }

  /** The text so far, without finishing. */
  peekText(start = 0, end = this.len): string {
    return codesToString(this.codes, start, Math.min(end, this.len));
  }

  /** Produce the MappedText; `endOffset` is what the end of the text maps to. */
  finish(endOffset: number): MappedText {
    const m = mappedFromArrays(this.codes, this.offs, this.len, endOffset);
    this.codes = new Uint16Array(16);
    this.offs = new Int32Array(17);
    this.len = 0;
    return m;
  }

  private grow(extra: number): void {
    let cap = this.codes.length * 2;
    while (cap < this.len + extra) cap *= 2;
    const codes = new Uint16Array(cap);
    codes.set(this.codes.subarray(0, this.len));
    const offs = new Int32Array(cap + 1);
    offs.set(this.offs.subarray(0, this.len));
    this.codes = codes;
    this.offs = offs;
  }
}

/**
 * Wrap raw output arrays (`offs` must have room for `len + 1` entries) as a MappedText. For hot
 * loops that write the arrays directly instead of going through the builder.
 */
export function mappedFromArrays(
  codes: Uint16Array,
  offs: Int32Array,
  len: number,
  endOffset: number,
): MappedText {
  const text = codesToString(codes, 0, len);
  offs[len] = endOffset;
  // Copying 4 bytes per character is a visible cost on big inputs; share the buffer unless
  // that would pin a lot of unused capacity.
  const offsets =
    (len + 1) * 4 >= offs.length * 3 ? offs.subarray(0, len + 1) : offs.slice(0, len + 1);
  return { text, offsets };
}

/** Node's Buffer, when present: its UTF-16 decoding is a plain copy, 15x faster than the rest. */
const NodeBuffer = (globalThis as { Buffer?: typeof Buffer }).Buffer;

function codesToString(codes: Uint16Array, start: number, end: number): string {
  if (NodeBuffer && end - start > 256) {
    return NodeBuffer.from(codes.buffer, codes.byteOffset + start * 2, (end - start) * 2).toString(
      'utf16le',
    );
  }
  // fromCharCode keeps lone surrogates intact (a UTF-16 TextDecoder would replace them), and
  // chunking keeps the argument count below engine limits.
  if (end - start <= FROM_CHAR_CODE_CHUNK) {
    return String.fromCharCode.apply(null, codes.subarray(start, end) as unknown as number[]);
  }
  const parts: string[] = [];
  for (let i = start; i < end; i += FROM_CHAR_CODE_CHUNK) {
    const chunk = codes.subarray(i, Math.min(end, i + FROM_CHAR_CODE_CHUNK));
    parts.push(String.fromCharCode.apply(null, chunk as unknown as number[]));
  }
  return parts.join('');
}
