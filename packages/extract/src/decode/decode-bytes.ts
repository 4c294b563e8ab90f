import iconv from 'iconv-lite';
import { ExtractError, MAX_INPUT_BYTES } from './errors.ts';

/** Encodings `decodeBytes` can report. */
export type ByteEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

/** Result of {@link decodeBytes}. */
export interface DecodedBytes {
  text: string;
  encoding: ByteEncoding;
  /** True when some bytes could not be decoded and were replaced by U+FFFD. */
  lossy: boolean;
}

/**
 * How much of the input the UTF-8-vs-GB18030 vote looks at. The vote only needs a
 * representative sample; decoding 50 MB twice just to count would double the cost.
 */
const SAMPLE_BYTES = 1 << 20;

/** Magic numbers of formats people save instead of the text (the report is often a PDF/Word file). */
const BINARY_SIGNATURES: readonly (readonly number[])[] = [
  [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], // PNG
  [0xff, 0xd8, 0xff], // JPEG
  [0x47, 0x49, 0x46, 0x38], // GIF8
  [0x50, 0x4b, 0x03, 0x04], // ZIP / DOCX / XLSX / OFD
  [0x50, 0x4b, 0x05, 0x06], // empty ZIP
  [0x50, 0x4b, 0x07, 0x08], // spanned ZIP
  [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], // OLE2: .doc / .xls / .wps
  [0x52, 0x61, 0x72, 0x21, 0x1a, 0x07], // RAR
  [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], // 7z
  [0x1f, 0x8b], // gzip (a compressed HTTP body saved as is)
  [0x49, 0x49, 0x2a, 0x00], // TIFF (little-endian)
  [0x4d, 0x4d, 0x00, 0x2a], // TIFF (big-endian)
  [0x52, 0x49, 0x46, 0x46], // RIFF: WebP / AVI / WAV
  [0x7b, 0x5c, 0x72, 0x74, 0x66], // {\rtf: Word's RTF export is text, but not text we can read
];

const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-
/** Acrobat accepts `%PDF-` anywhere in the first KiB, so junk before it does not make it text. */
const PDF_SEARCH_WINDOW = 1024;

/**
 * Decode a file's bytes to text: BOMs first, then strict UTF-8, then a vote between lossy
 * UTF-8 and GB18030 (a superset of GBK/GB2312, which many government sites still serve).
 * @throws ExtractError 'empty' | 'binary' | 'too-large' | 'unreadable'
 */
export function decodeBytes(bytes: Uint8Array): DecodedBytes {
  if (bytes.length === 0) throw new ExtractError('empty');
  if (bytes.length > MAX_INPUT_BYTES) {
    throw new ExtractError('too-large', `It has ${bytes.length} bytes.`);
  }

  const fromBom = decodeWithBom(bytes);
  if (fromBom) return checkNotBlank(fromBom);

  if (hasBinarySignature(bytes)) throw new ExtractError('binary');

  const stats = scanBytes(bytes);
  const utf16 = decodeBomlessUtf16(bytes, stats);
  if (utf16) return checkNotBlank(utf16);
  const suspicious = stats.nulEven + stats.nulOdd + stats.control;
  // Text files have no NULs and almost no C0 controls; compressed or binary data has ~12%.
  if (suspicious > 4 && suspicious * 100 > bytes.length) throw new ExtractError('binary');

  if (stats.high === 0) {
    return checkNotBlank({ text: decodeUtf8(bytes, false), encoding: 'utf-8', lossy: false });
  }
  try {
    return checkNotBlank({ text: decodeUtf8(bytes, true), encoding: 'utf-8', lossy: false });
  } catch {
    // Not strict UTF-8: fall through to the vote.
  }
  return checkNotBlank(voteUtf8OrGb18030(bytes));
}

function decodeWithBom(bytes: Uint8Array): DecodedBytes | null {
  const [b0, b1, b2, b3] = bytes;
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) {
    return decodeStrictOrLossy(bytes, 'utf-8');
  }
  if (b0 === 0xff && b1 === 0xfe) return decodeStrictOrLossy(bytes, 'utf-16le');
  if (b0 === 0xfe && b1 === 0xff) return decodeStrictOrLossy(bytes, 'utf-16be');
  if (b0 === 0x84 && b1 === 0x31 && b2 === 0x95 && b3 === 0x33) {
    const text = iconv.decode(bytes.subarray(4), 'gb18030');
    return { text, encoding: 'gb18030', lossy: text.includes('\uFFFD') };
  }
  return null;
}

function decodeStrictOrLossy(bytes: Uint8Array, encoding: ByteEncoding): DecodedBytes {
  // TextDecoder strips the BOM itself (ignoreBOM defaults to false).
  try {
    return {
      text: new TextDecoder(encoding, { fatal: true }).decode(bytes),
      encoding,
      lossy: false,
    };
  } catch {
    return { text: new TextDecoder(encoding).decode(bytes), encoding, lossy: true };
  }
}

function decodeUtf8(bytes: Uint8Array, fatal: boolean): string {
  return new TextDecoder('utf-8', { fatal }).decode(bytes);
}

function startsWith(bytes: Uint8Array, sig: readonly number[], at = 0): boolean {
  if (bytes.length < at + sig.length) return false;
  for (let i = 0; i < sig.length; i++) if (bytes[at + i] !== sig[i]) return false;
  return true;
}

function hasBinarySignature(bytes: Uint8Array): boolean {
  for (const sig of BINARY_SIGNATURES) if (startsWith(bytes, sig)) return true;
  const window = Math.min(bytes.length - PDF_MAGIC.length, PDF_SEARCH_WINDOW);
  for (let i = 0; i <= window; i++) {
    if (bytes[i] === 0x25 && startsWith(bytes, PDF_MAGIC, i)) return true;
  }
  return false;
}

interface ByteStats {
  nulEven: number;
  nulOdd: number;
  /** C0 controls other than TAB, LF, VT, FF, CR, ESC, and DEL. */
  control: number;
  /** Bytes >= 0x80. */
  high: number;
}

function scanBytes(bytes: Uint8Array): ByteStats {
  let nulEven = 0;
  let nulOdd = 0;
  let control = 0;
  let high = 0;
  const n = bytes.length;
  for (let i = 0; i < n; i++) {
    const b = bytes[i] as number;
    if (b >= 0x80) high++;
    else if (b < 0x20) {
      if (b === 0) {
        if (i & 1) nulOdd++;
        else nulEven++;
      } else if (b < 0x09 || (b > 0x0d && b !== 0x1b)) control++;
    } else if (b === 0x7f) control++;
  }
  return { nulEven, nulOdd, control, high };
}

/**
 * UTF-16 saved without a BOM (some Windows tools do this). ASCII characters then leave a NUL
 * on every other byte, all on the same parity; binary files scatter NULs on both.
 */
function decodeBomlessUtf16(bytes: Uint8Array, stats: ByteStats): DecodedBytes | null {
  const nul = stats.nulEven + stats.nulOdd;
  if (bytes.length % 2 !== 0 || nul < 2 || nul * 50 < bytes.length) return null;
  let encoding: ByteEncoding;
  // Not all NULs sit on one side: CJK characters like 开 (U+5F00) put one on the other.
  if (stats.nulOdd >= nul * 0.8) encoding = 'utf-16le';
  else if (stats.nulEven >= nul * 0.8) encoding = 'utf-16be';
  else return null;
  let text: string;
  try {
    text = new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
  let controls = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) controls++;
  }
  return controls * 100 > text.length ? null : { text, encoding, lossy: false };
}

let gbCommon: Uint8Array | null = null;

/**
 * Characters that real GBK text is made of: GB2312 rows 1–3 (CJK punctuation, full-width
 * forms) and level 1 (the 3755 most frequent hanzi). UTF-8 bytes misread as GBK land mostly
 * elsewhere, so the share of these characters tells the two apart.
 */
function gbCommonTable(): Uint8Array {
  if (gbCommon) return gbCommon;
  const pairs: number[] = [];
  const addRows = (from: number, to: number) => {
    for (let lead = from; lead <= to; lead++) {
      for (let trail = 0xa1; trail <= 0xfe; trail++) pairs.push(lead, trail);
    }
  };
  addRows(0xa1, 0xa3);
  addRows(0xb0, 0xd7);
  const text = iconv.decode(Uint8Array.from(pairs), 'gb18030');
  const table = new Uint8Array(0x10000);
  for (let i = 0; i < text.length; i++) table[text.charCodeAt(i)] = 1;
  table[0xfffd] = 0;
  gbCommon = table;
  return table;
}

interface Quality {
  /** Non-ASCII characters that look right for this encoding. */
  good: number;
  nonAscii: number;
  nonSpace: number;
  replacements: number;
}

function measure(text: string, isGood: (c: number) => boolean): Quality {
  let good = 0;
  let nonAscii = 0;
  let nonSpace = 0;
  let replacements = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > 0x20) nonSpace++;
    if (c < 0x80) continue;
    nonAscii++;
    if (c === 0xfffd) replacements++;
    else if (isGood(c)) good++;
  }
  return { good, nonAscii, nonSpace, replacements };
}

/** End the sample just after an ASCII byte so neither decoder sees a cut multibyte sequence. */
function sampleOf(bytes: Uint8Array): Uint8Array {
  if (bytes.length <= SAMPLE_BYTES) return bytes;
  let end = SAMPLE_BYTES;
  const floor = SAMPLE_BYTES - 256;
  while (end > floor && (bytes[end - 1] as number) >= 0x80) end--;
  return bytes.subarray(0, end);
}

function voteUtf8OrGb18030(bytes: Uint8Array): DecodedBytes {
  const sample = sampleOf(bytes);
  const common = gbCommonTable();
  // UTF-8's structure is strict enough that any character surviving decoding counts as good;
  // GB18030 accepts almost any byte pair, so only common GBK characters count.
  const utf8Sample = decodeUtf8(sample, false);
  const gbSample = iconv.decode(sample, 'gb18030');
  const u = measure(utf8Sample, (c) => c < 0x80 || c > 0x9f);
  const g = measure(gbSample, (c) => common[c] === 1);
  const qu = u.nonAscii === 0 ? 1 : u.good / u.nonAscii;
  const qg = g.nonAscii === 0 ? 0 : g.good / g.nonAscii;
  const best = qg > qu ? g : u;
  const bestQuality = Math.max(qu, qg);
  // Junk only matters when it is a sizeable part of the text; one stray byte in an ASCII page
  // is still a readable page.
  if (bestQuality < 0.5 && best.nonAscii * 5 >= best.nonSpace) {
    throw new ExtractError('unreadable');
  }
  if (qg > qu) {
    const text = sample === bytes ? gbSample : iconv.decode(bytes, 'gb18030');
    return { text, encoding: 'gb18030', lossy: text.includes('\uFFFD') };
  }
  const text = sample === bytes ? utf8Sample : decodeUtf8(bytes, false);
  return { text, encoding: 'utf-8', lossy: true };
}

function checkNotBlank(d: DecodedBytes): DecodedBytes {
  // \s covers U+3000, NBSP and U+FEFF; zero-width spaces are added since editors leave them alone.
  if (!/[^\s\u200B-\u200D\u2060]/.test(d.text)) throw new ExtractError('empty');
  return d;
}
