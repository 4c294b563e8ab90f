import type { MappedText } from '../types.ts';
import { decodeBytes } from './decode-bytes.ts';
import { ExtractError, MAX_INPUT_BYTES } from './errors.ts';
import { htmlToText, isHtmlDocument, looksLikeHtml, unwrapEscapedHtml } from './html.ts';
import { compose } from './mapped-text.ts';
import { normalizeText } from './normalize.ts';

export type { ByteEncoding, DecodedBytes } from './decode-bytes.ts';
export { decodeBytes } from './decode-bytes.ts';
export type { ExtractErrorCode } from './errors.ts';
export { ExtractError, isExtractError, MAX_INPUT_BYTES } from './errors.ts';
export {
  extractJsStrings,
  htmlToText,
  isHtmlDocument,
  looksLikeHtml,
  unwrapEscapedHtml,
} from './html.ts';
export {
  compose,
  identityText,
  MappedTextBuilder,
  sourceSlice,
  toSourceSpan,
} from './mapped-text.ts';
export { normalizeText } from './normalize.ts';

/** Result of {@link decodeInput}: normalized report text mapped into the decoded input string. */
export interface DecodedInput extends MappedText {
  /** The decoded input string that `offsets` point into (the input itself for string input). */
  source: string;
  /** The byte encoding detected, or `'string'` when a string was passed in. */
  encoding: string;
  /** True when undecodable bytes were replaced by U+FFFD. */
  lossy: boolean;
  /** True when the input was (possibly escaped) HTML and markup was removed. */
  html: boolean;
}

/**
 * Escaping layers peeled at most: a JSON body holding entity-encoded HTML is three (JSON, HTML,
 * the HTML inside); more is not a real page.
 */
const MAX_ROUNDS = 3;

/**
 * Bytes or a string → normalized text whose offsets point into the decoded input string (what
 * a user sees opening the file as text). Unwraps escaped pages and strips HTML on the way.
 * @throws ExtractError 'empty' | 'binary' | 'too-large' | 'unreadable'
 */
export function decodeInput(input: Uint8Array | string): DecodedInput {
  let text: string;
  let encoding: string;
  let lossy = false;
  if (typeof input === 'string') {
    if (input.length > MAX_INPUT_BYTES) {
      throw new ExtractError('too-large', `It has ${input.length} characters.`);
    }
    checkStringIsText(input);
    text = input;
    encoding = 'string';
  } else {
    const decoded = decodeBytes(input);
    text = decoded.text;
    encoding = decoded.encoding;
    lossy = decoded.lossy;
  }

  // null while nothing has been rewritten: saves an identity offset table (4 bytes a character)
  // for the common plain-text input.
  let m: MappedText | null = null;
  let html = false;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    let changed = false;
    const current = m ? m.text : text;
    // A whole document is parsed before any unescaping: unescaping it wholesale would break the
    // string literals of its own document.write scripts, which the HTML pass reads itself.
    if (round > 0 || !isHtmlDocument(current)) {
      const unwrapped = unwrapEscapedHtml(current);
      if (unwrapped) {
        m = m ? compose(unwrapped, m) : unwrapped;
        changed = true;
      }
    }
    const markup = m ? m.text : text;
    if (looksLikeHtml(markup)) {
      const stripped = htmlToText(markup);
      m = m ? compose(stripped, m) : stripped;
      html = true;
      changed = true;
    }
    if (!changed) break;
  }

  const normalized = normalizeText(m ?? text);
  if (!/\S/.test(normalized.text)) {
    throw new ExtractError('empty', 'Nothing visible is left once markup is removed.');
  }
  return {
    text: normalized.text,
    offsets: normalized.offsets,
    source: text,
    encoding,
    lossy,
    html,
  };
}

function checkStringIsText(s: string): void {
  if (!/[^\s\u200B-\u200D\u2060]/.test(s)) throw new ExtractError('empty');
  if (s.startsWith('%PDF-')) throw new ExtractError('binary');
  // Bytes read as Latin-1 or similar: a binary file shows up as many control characters.
  let controls = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c && c !== 0x1b) controls++;
  }
  if (controls > 4 && controls * 100 > s.length) throw new ExtractError('binary');
}
