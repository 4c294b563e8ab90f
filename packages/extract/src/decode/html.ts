import { Tokenizer, type TokenizerCallbacks } from 'htmlparser2';
import type { MappedText } from '../types.ts';
import { compose, MappedTextBuilder } from './mapped-text.ts';

// ---------------------------------------------------------------------------------------------
// Detection
// ---------------------------------------------------------------------------------------------

const TAG_RE =
  /<(?:!doctype\s+html|\/?(?:html|head|body|meta|title|link|script|style|div|p|br|span|font|table|tbody|thead|tr|td|th|ul|ol|li|h[1-6]|a|b|i|u|em|strong|center|section|article|img|hr|pre|form|input|iframe|o:p)(?=[\s>/]))/gi;

const SKELETON_RE = /<(?:!doctype\s+html|html[\s>]|head[\s>]|body[\s>])/i;

/** How far into a file to look for `<html>`/`<body>`; crawler headers can precede them. */
const SKELETON_WINDOW = 64 * 1024;

/** Whether `text` has a few real HTML tags (stops scanning at the third). */
export function looksLikeHtml(text: string): boolean {
  if (SKELETON_RE.test(text.slice(0, SKELETON_WINDOW))) return true;
  TAG_RE.lastIndex = 0;
  let found = 0;
  while (TAG_RE.exec(text) !== null) if (++found >= 3) break;
  TAG_RE.lastIndex = 0;
  return found >= 3;
}

/** Whether `text` is a whole HTML document (doctype/html/head/body near the start), not a fragment. */
export function isHtmlDocument(text: string): boolean {
  return SKELETON_RE.test(text.slice(0, SKELETON_WINDOW));
}

// ---------------------------------------------------------------------------------------------
// Escaped pages
// ---------------------------------------------------------------------------------------------

/** `\u003c`, `\x3c` and `<\/` are how JavaScript and JSON spell markup inside a string. */
const JS_MARKUP_RE = /\\u003c|\\x3c|<\\\//gi;
const ENTITY_MARKUP_RE = /&(?:lt|#0*60|#x0*3c);\/?[a-z!]/gi;
/** A file that *is* JavaScript or JSON, rather than text that happens to contain escapes. */
const JS_SOURCE_RE =
  /^\s*(?:document\s*\.\s*write|["'`{[]|(?:var|let|const)\s|[A-Za-z_$][\w$.]*\s*(?:=|\())/;

/** Escaped tags needed before a text is treated as an escaped page. */
const MIN_ESCAPED_TAGS = 3;

function countMatches(text: string, re: RegExp): number {
  re.lastIndex = 0;
  let n = 0;
  while (re.exec(text) !== null) n++;
  re.lastIndex = 0;
  return n;
}

/**
 * If `text` is a JavaScript-escaped page (`\u003c`, `\x3c`, `<\/`, `\"` …, e.g. the argument of
 * `document.write` or a JSON API body) or an entity-encoded page (`&lt;table&gt;`), undo that
 * one layer of escaping so the markup can be parsed. Offsets map into `text`. Returns null when
 * `text` does not look escaped.
 */
export function unwrapEscapedHtml(text: string): MappedText | null {
  const js = countMatches(text, JS_MARKUP_RE);
  const entities = countMatches(text, ENTITY_MARKUP_RE);
  if (Math.max(js, entities) < MIN_ESCAPED_TAGS) return null;
  if (js >= entities) {
    // Pulling out the string literals drops the surrounding code (`document.write(`, JSON keys)
    // which would otherwise end up as text.
    return JS_SOURCE_RE.test(text) ? extractJsStrings(text, 0, text.length) : unescapeJs(text);
  }
  return unescapeMarkupEntities(text);
}

/** Index of code unit `c` in `text[from, to)`, or -1. */
function indexWithin(text: string, c: number, from: number, to: number): number {
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === c) return i;
  return -1;
}

function hexValue(text: string, start: number, len: number): number {
  let v = 0;
  for (let i = start; i < start + len; i++) {
    const c = text.charCodeAt(i);
    const d =
      c >= 0x30 && c <= 0x39
        ? c - 0x30
        : (c | 0x20) >= 0x61 && (c | 0x20) <= 0x66
          ? (c | 0x20) - 87
          : -1;
    if (d < 0) return -1;
    v = v * 16 + d;
  }
  return v;
}

/**
 * Decode the JavaScript escape at `text[i] === '\\'` into `out` (mapped to `i`); returns how
 * many characters it used. Unknown escapes yield the escaped character, as JavaScript does.
 */
function decodeJsEscape(text: string, i: number, end: number, out: MappedTextBuilder): number {
  if (i + 1 >= end) return 1;
  const c = text.charCodeAt(i + 1);
  switch (c) {
    case 0x6e: // n
      out.appendCode(0x0a, i);
      return 2;
    case 0x72: // r
      out.appendCode(0x0d, i);
      return 2;
    case 0x74: // t
      out.appendCode(0x09, i);
      return 2;
    case 0x62: // b
    case 0x66: // f
    case 0x76: // v
      out.appendCode(0x20, i);
      return 2;
    case 0x0a: // line continuation
      return 2;
    case 0x0d:
      return text.charCodeAt(i + 2) === 0x0a ? 3 : 2;
    case 0x78: {
      // x
      const v = i + 4 <= end ? hexValue(text, i + 2, 2) : -1;
      if (v < 0) break;
      out.appendCode(v, i);
      return 4;
    }
    case 0x75: {
      // u
      if (text.charCodeAt(i + 2) === 0x7b) {
        // Bounded look-ahead: an unbounded indexOf would make `\u{\u{\u{…` quadratic.
        const close = indexWithin(text, 0x7d, i + 3, Math.min(end, i + 11));
        if (close > 0) {
          const v = hexValue(text, i + 3, close - i - 3);
          if (v >= 0 && v <= 0x10ffff) {
            out.append(String.fromCodePoint(v), i);
            return close - i + 1;
          }
        }
        break;
      }
      const v = i + 6 <= end ? hexValue(text, i + 2, 4) : -1;
      if (v < 0) break;
      out.appendCode(v, i);
      return 6;
    }
  }
  out.appendCode(c, i);
  return 2;
}

function unescapeJs(text: string): MappedText {
  const out = new MappedTextBuilder(text.length + 16);
  const n = text.length;
  let i = 0;
  while (i < n) {
    const k = text.indexOf('\\', i);
    const stop = k < 0 ? n : k;
    out.appendSlice(text, i, stop);
    if (k < 0) break;
    i = k + decodeJsEscape(text, k, n, out);
  }
  return out.finish(n);
}

function isJsSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0xa0 || c === 0xfeff;
}

/**
 * The contents of the string literals in JavaScript/JSON source `text[start, end)`, unescaped
 * and mapped into `text`. Literals joined by `+` are concatenated; others are separated by a
 * newline; JSON object keys are dropped. Code outside literals (and comments) is skipped.
 */
export function extractJsStrings(text: string, start: number, end: number): MappedText {
  const out = new MappedTextBuilder(Math.max(16, end - start));
  let i = start;
  let joinable = true;
  while (i < end) {
    const c = text.charCodeAt(i);
    if (c === 0x22 || c === 0x27 || c === 0x60) {
      const before = out.length;
      if (before > 0 && !joinable) out.appendCode(0x0a, i);
      let j = i + 1;
      while (j < end) {
        const d = text.charCodeAt(j);
        if (d === c) break;
        if (d === 0x5c) {
          j += decodeJsEscape(text, j, end, out);
          continue;
        }
        // An unterminated quote ends at the line, so one stray quote cannot eat the file.
        if (d === 0x0a && c !== 0x60) break;
        out.appendCode(d, j);
        j++;
      }
      i = j + 1;
      let k = i;
      while (k < end && isJsSpace(text.charCodeAt(k))) k++;
      if (text.charCodeAt(k) === 0x3a) out.truncate(before); // JSON key
      joinable = true;
      continue;
    }
    if (c === 0x2f && text.charCodeAt(i + 1) === 0x2f) {
      const nl = text.indexOf('\n', i + 2);
      i = nl < 0 || nl > end ? end : nl + 1;
      continue;
    }
    if (c === 0x2f && text.charCodeAt(i + 1) === 0x2a) {
      const close = text.indexOf('*/', i + 2);
      i = close < 0 || close > end ? end : close + 2;
      continue;
    }
    if (c !== 0x2b && !isJsSpace(c)) joinable = false;
    i++;
  }
  return out.finish(end);
}

const MARKUP_ENTITIES: Record<string, number> = {
  lt: 0x3c,
  gt: 0x3e,
  amp: 0x26,
  quot: 0x22,
  apos: 0x27,
};

/**
 * Decode only the entities that hide markup (`&lt;` `&gt;` `&amp;` `&quot;` `&apos;` and numeric
 * ones); the rest (`&nbsp;` …) stay for the HTML parser that runs next.
 */
function unescapeMarkupEntities(text: string): MappedText {
  const out = new MappedTextBuilder(text.length + 16);
  const n = text.length;
  let i = 0;
  while (i < n) {
    const k = text.indexOf('&', i);
    const stop = k < 0 ? n : k;
    out.appendSlice(text, i, stop);
    if (k < 0) break;
    // Entity names are short; looking further would make `&&&&…` quadratic.
    const semi = indexWithin(text, 0x3b, k + 1, Math.min(n, k + 11));
    let used = 0;
    if (semi > k + 1) {
      const name = text.slice(k + 1, semi).toLowerCase();
      let cp = MARKUP_ENTITIES[name] ?? -1;
      if (cp < 0 && name.charCodeAt(0) === 0x23) {
        cp =
          name.charCodeAt(1) === 0x78
            ? hexValue(name, 2, name.length - 2)
            : /^#\d+$/.test(name)
              ? Number(name.slice(1))
              : -1;
        if (name.length < 2 || cp > 0x10ffff || cp === 0) cp = -1;
      }
      if (cp >= 0) {
        out.append(String.fromCodePoint(cp), k);
        used = semi - k + 1;
      }
    }
    if (used === 0) {
      out.appendCode(0x26, k);
      used = 1;
    }
    i = k + used;
  }
  return out.finish(n);
}

// ---------------------------------------------------------------------------------------------
// HTML → text
// ---------------------------------------------------------------------------------------------

const BLOCK = 1;
/** Content is never shown: raw-text elements, head, template. */
const HARD = 2;
/** Page furniture: dropped when it turns out small, kept when it swallowed real content. */
const SOFT = 4;
const PRE = 8;
/** Closing tags from outside may not reach past these (HTML's "scope" boundaries). */
const SCOPE = 16;

const VOID = new Set([
  'area',
  'base',
  'basefont',
  'br',
  'col',
  'command',
  'embed',
  'frame',
  'hr',
  'img',
  'input',
  'isindex',
  'keygen',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
]);

const FLAGS = new Map<string, number>();
for (const name of [
  'address',
  'article',
  'blockquote',
  'body',
  'center',
  'dd',
  'details',
  'dialog',
  'dir',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'hgroup',
  'html',
  'legend',
  'li',
  'main',
  'ol',
  'p',
  'section',
  'summary',
  'tbody',
  'thead',
  'tfoot',
  'ul',
]) {
  FLAGS.set(name, BLOCK);
}
FLAGS.set('pre', BLOCK | PRE);
FLAGS.set('listing', BLOCK | PRE);
FLAGS.set('table', BLOCK | SCOPE);
FLAGS.set('caption', BLOCK | SCOPE);
FLAGS.set('td', SCOPE);
FLAGS.set('th', SCOPE);
// The tokenizer reads these as raw text up to their end tag, so they cannot swallow the page
// unless the page itself is broken the same way for a browser.
for (const name of [
  'script',
  'style',
  'title',
  'textarea',
  'iframe',
  'xmp',
  'noembed',
  'noframes',
  'template',
]) {
  FLAGS.set(name, HARD | SCOPE);
}
FLAGS.set('head', HARD);
// Furniture the brief names plus embedded objects. Soft, because an unclosed <nav> or an
// ASP.NET page wrapped in one big <form> must not take the report down with it.
for (const name of ['nav', 'header', 'footer', 'aside', 'form', 'menu', 'noscript']) {
  FLAGS.set(name, BLOCK | SOFT);
}
for (const name of [
  'select',
  'option',
  'optgroup',
  'button',
  'datalist',
  'object',
  'svg',
  'math',
]) {
  FLAGS.set(name, SOFT);
}
for (const name of ['canvas', 'audio', 'video', 'map']) FLAGS.set(name, SOFT);

/** Elements that may appear inside <head>; anything else means the body has started. */
const HEAD_CONTENT = new Set([
  'meta',
  'link',
  'title',
  'style',
  'script',
  'base',
  'noscript',
  'template',
  'object',
]);

const TABLE_PARTS = new Set(['tr', 'td', 'th', 'tbody', 'thead', 'tfoot', 'caption']);

/** class/id tokens that mark navigation, breadcrumbs ("dqwz" = 当前位置), share bars, footers. */
const FURNITURE_TOKEN_RE =
  /(?:^|[-_])(?:nav|navbar|navigation|menu|breadcrumbs?|crumbs?|bread|share|sharebox|bdshare|bdsharebuttonbox|footer|foot|bottom|copyright|sidebar|dqwz|position|location|weizhi)(?:$|[-_\d])/i;

/** Furniture that produced more text than this was probably a mis-nested wrapper; keep it. */
const SOFT_MAX_CHARS = 3000;
/** Deeper nesting than this only comes from broken or hostile markup; extra levels are ignored. */
const MAX_DEPTH = 2048;
/** How many levels of `document.write` scripts are parsed. */
const MAX_SCRIPT_NESTING = 2;

function isHtmlSpace(c: number): boolean {
  return c === 0x20 || (c >= 0x09 && c <= 0x0d) || c === 0xa0 || c === 0x3000;
}

const NEWLINE = 0x0a;
const SPACE = 0x20;

/** Collects text with whitespace collapsing and lazily placed line breaks. */
class Sink {
  readonly b = new MappedTextBuilder();
  spaceAt = -1;
  breakAt = -1;
  /** Where the current line (for cells: the current cell) began in `b`. */
  origin = 0;
  /** Bumped whenever `b` is cleared, so stale furniture marks are not applied to new text. */
  epoch = 0;
  constructor(readonly inCell: boolean) {}

  /** Start a fresh cell at the end of the buffer. */
  beginCell(): void {
    this.origin = this.b.length;
    this.spaceAt = -1;
    this.breakAt = -1;
  }

  clear(): void {
    this.b.truncate(0);
    this.origin = 0;
    this.epoch++;
  }

  char(c: number, at: number): void {
    this.flush();
    this.b.appendCode(c, at);
  }

  space(at: number): void {
    if (this.spaceAt < 0 && this.breakAt < 0) this.spaceAt = at;
  }

  lineBreak(at: number): void {
    // A table cell is one line; its inner blocks are just words apart.
    if (this.inCell) this.space(at);
    else if (this.breakAt < 0) {
      this.breakAt = at;
      this.spaceAt = -1;
    }
  }

  /** Append pre-formatted text: newlines become line breaks, everything else is kept. */
  appendFormatted(m: MappedText): void {
    for (let i = 0; i < m.text.length; i++) {
      const c = m.text.charCodeAt(i);
      const at = m.offsets[i] ?? 0;
      if (c === NEWLINE) this.lineBreak(at);
      else if (this.inCell && isHtmlSpace(c)) this.space(at);
      else this.char(c, at);
    }
  }

  private flush(): void {
    if (this.breakAt < 0 && this.spaceAt < 0) return;
    const b = this.b;
    const atLineStart = b.length === this.origin || b.lastCode() === NEWLINE;
    if (this.breakAt >= 0) {
      if (!atLineStart) b.appendCode(NEWLINE, this.breakAt);
    } else if (this.spaceAt >= 0 && !atLineStart) {
      b.appendCode(SPACE, this.spaceAt);
    }
    this.breakAt = -1;
    this.spaceAt = -1;
  }
}

/** A finished cell: its text is `[from, to)` of the shared cell buffer. */
interface Cell {
  from: number;
  to: number;
  /** Source offsets of the cell's start tag and of whatever ended it. */
  start: number;
  end: number;
}

interface TableState {
  rowOpen: boolean;
  /** The row holds a nested table: it is page layout, so its cells are emitted as blocks. */
  layout: boolean;
  cells: Cell[];
  cellOpen: boolean;
  cellStart: number;
}

interface SoftMark {
  sink: Sink;
  epoch: number;
  length: number;
  spaceAt: number;
  breakAt: number;
}

interface Frame {
  name: string;
  flags: number;
  /** Index of the nearest table frame at or below this one, or -1. */
  tableBelow: number;
  /** Index of the nearest SCOPE frame at or below this one, or -1. */
  scopeBelow: number;
  table: TableState | null;
  soft: SoftMark | null;
  /** Raw text range of a <script>, for document.write. */
  textStart: number;
  textEnd: number;
}

class HtmlToText implements TokenizerCallbacks {
  private readonly frames: Frame[] = [];
  private readonly positions = new Map<string, number[]>();
  private hardDepth = 0;
  private readonly flow = new Sink(false);
  /**
   * Text of the cells of the row being read. Only the innermost table can have such a row (a
   * table opening inside a row turns that row into layout first), so one buffer serves all;
   * per-cell buffers would mean millions of typed-array allocations on big tables.
   */
  private readonly cells = new Sink(true);

  private tagName = '';
  private tagStart = 0;
  private attrName = '';
  private attrValue = '';
  private idClass = '';

  constructor(
    private readonly html: string,
    private readonly nesting: number,
  ) {
    this.frames.push({
      name: '#root',
      flags: 0,
      tableBelow: -1,
      scopeBelow: -1,
      table: null,
      soft: null,
      textStart: -1,
      textEnd: -1,
    });
  }

  run(): MappedText {
    const tokenizer = new Tokenizer({ decodeEntities: true }, this);
    tokenizer.write(this.html);
    tokenizer.end();
    return this.flow.b.finish(this.html.length);
  }

  // --- tokenizer callbacks ---------------------------------------------------------------

  ontext(start: number, end: number): void {
    const top = this.top();
    if (top.name === 'script' && top.textStart < 0) top.textStart = start;
    if (top.name === 'script') top.textEnd = end;
    if (this.hardDepth > 0) {
      if (top.name !== 'head' || !this.hasNonSpace(start, end)) return;
      // Text straight inside <head> means the body started without a <body> tag.
      this.popTo(this.lastPos('head'), start);
      if (this.hardDepth > 0) return;
    }
    const sink = this.sink();
    const pre = this.inPre();
    const html = this.html;
    for (let i = start; i < end; i++) {
      const c = html.charCodeAt(i);
      if (!isHtmlSpace(c)) sink.char(c, i);
      else if (pre && c === NEWLINE) sink.lineBreak(i);
      else sink.space(i);
    }
  }

  ontextentity(cp: number, end: number): void {
    if (this.hardDepth > 0) return;
    // Entities are short, so this backward search is bounded; the span starts at the `&`.
    const at = Math.max(0, this.html.lastIndexOf('&', end - 1));
    const sink = this.sink();
    if (isHtmlSpace(cp)) {
      sink.space(at);
    } else if (cp > 0xffff) {
      const s = String.fromCodePoint(cp);
      sink.char(s.charCodeAt(0), at);
      sink.char(s.charCodeAt(1), at);
    } else {
      sink.char(cp, at);
    }
  }

  onopentagname(start: number, end: number): void {
    this.tagName = this.html.slice(start, end).toLowerCase();
    this.tagStart = start - 1;
    this.attrName = '';
    this.attrValue = '';
    this.idClass = '';
  }

  onattribname(start: number, end: number): void {
    const len = end - start;
    this.attrName = len === 2 || len === 5 ? this.html.slice(start, end).toLowerCase() : '';
    this.attrValue = '';
  }

  onattribdata(start: number, end: number): void {
    if (this.isIdOrClass()) this.attrValue += this.html.slice(start, end);
  }

  onattribentity(cp: number): void {
    if (this.isIdOrClass()) this.attrValue += String.fromCodePoint(cp);
  }

  onattribend(): void {
    if (this.isIdOrClass()) this.idClass += ` ${this.attrValue}`;
    this.attrName = '';
    this.attrValue = '';
  }

  onopentagend(): void {
    this.openTag(this.tagName, this.tagStart);
  }

  onselfclosingtag(): void {
    // HTML ignores the slash on non-void elements (<div/> opens a div), and so do we.
    this.openTag(this.tagName, this.tagStart);
  }

  onclosetag(start: number, end: number): void {
    const name = this.html.slice(start, end).toLowerCase();
    this.closeTag(name, start - 2);
  }

  onend(): void {
    this.popTo(1, this.html.length);
  }

  oncomment(): void {}
  oncdata(): void {}
  ondeclaration(): void {}
  onprocessinginstruction(): void {}

  // --- structure -------------------------------------------------------------------------

  private top(): Frame {
    return this.frames[this.frames.length - 1] as Frame;
  }

  private lastPos(name: string): number {
    const list = this.positions.get(name);
    return list && list.length > 0 ? (list[list.length - 1] as number) : -1;
  }

  private isIdOrClass(): boolean {
    return this.attrName === 'id' || this.attrName === 'class';
  }

  private hasNonSpace(start: number, end: number): boolean {
    for (let i = start; i < end; i++) if (!isHtmlSpace(this.html.charCodeAt(i))) return true;
    return false;
  }

  private inPre(): boolean {
    const list = this.positions.get('pre');
    return (
      (list !== undefined && list.length > 0) || (this.positions.get('listing')?.length ?? 0) > 0
    );
  }

  private table(): TableState | null {
    const ti = this.top().tableBelow;
    return ti >= 0 ? ((this.frames[ti] as Frame).table ?? null) : null;
  }

  private sink(): Sink {
    const t = this.table();
    return t?.cellOpen && !t.layout ? this.cells : this.flow;
  }

  private openTag(name: string, start: number): void {
    if (this.lastPos('head') > 0 && !HEAD_CONTENT.has(name) && name !== 'head') {
      this.popTo(this.lastPos('head'), start);
    }
    if (this.hardDepth > 0) {
      // Inside hidden content only the nesting matters, so the right end tag ends it.
      if (!VOID.has(name) && this.frames.length < MAX_DEPTH) {
        this.push(name, (FLAGS.get(name) ?? 0) & (HARD | SCOPE));
      }
      return;
    }

    if (VOID.has(name)) {
      if (name === 'br' || name === 'hr') this.sink().lineBreak(start);
      else if (name === 'img' || name === 'input') this.sink().space(start);
      return;
    }
    if (this.frames.length >= MAX_DEPTH) return;

    this.closeImplied(name, start);

    let flags = FLAGS.get(name) ?? 0;
    if ((name === 'header' || name === 'footer') && this.insideArticle()) flags &= ~SOFT;
    if (this.idClass !== '' && isFurnitureIdClass(this.idClass)) flags |= SOFT;

    let soft: SoftMark | null = null;
    if (flags & SOFT) {
      const sink = this.sink();
      soft = {
        sink,
        epoch: sink.epoch,
        length: sink.b.length,
        spaceAt: sink.spaceAt,
        breakAt: sink.breakAt,
      };
    }

    const t = this.table();
    let table: TableState | null = null;
    if (name === 'table') {
      if (t?.rowOpen && !t.layout) {
        // A table between cells is misplaced markup: finish the row. Inside a cell it is layout.
        if (t.cellOpen) this.toLayout(t);
        else this.endRow(t, start);
      }
      table = { rowOpen: false, layout: false, cells: [], cellOpen: false, cellStart: 0 };
    } else if (name === 'tr') {
      if (t) this.startRow(t, start);
      else this.sink().lineBreak(start);
    } else if (name === 'td' || name === 'th') {
      if (t) {
        if (!t.rowOpen) this.startRow(t, start);
        this.startCell(t, start);
      } else {
        this.sink().lineBreak(start);
      }
    }
    if (flags & BLOCK) this.sink().lineBreak(start);

    const frame = this.push(name, flags);
    frame.table = table;
    frame.soft = soft;
    if (table) frame.tableBelow = this.frames.length - 1;
  }

  private push(name: string, flags: number): Frame {
    const parent = this.top();
    const index = this.frames.length;
    const frame: Frame = {
      name,
      flags,
      tableBelow: parent.tableBelow,
      scopeBelow: flags & SCOPE ? index : parent.scopeBelow,
      table: null,
      soft: null,
      textStart: -1,
      textEnd: -1,
    };
    this.frames.push(frame);
    let list = this.positions.get(name);
    if (!list) {
      list = [];
      this.positions.set(name, list);
    }
    list.push(index);
    if (flags & HARD) this.hardDepth++;
    return frame;
  }

  private insideArticle(): boolean {
    return this.lastPos('article') > 0 || this.lastPos('main') > 0;
  }

  /** The end tags HTML leaves out: a new row ends the previous one, and so on. */
  private closeImplied(name: string, at: number): void {
    const top = this.top();
    const tableAt = top.tableBelow;
    if (name === 'tr') {
      const tr = this.lastPos('tr');
      if (tr > tableAt) this.popTo(tr, at);
      else {
        const cell = Math.max(this.lastPos('td'), this.lastPos('th'));
        if (cell > tableAt) this.popTo(cell, at);
      }
    } else if (name === 'td' || name === 'th') {
      const cell = Math.max(this.lastPos('td'), this.lastPos('th'));
      if (cell > tableAt) this.popTo(cell, at);
    } else if (name === 'tbody' || name === 'thead' || name === 'tfoot') {
      if (tableAt > 0) this.popTo(tableAt + 1, at);
    } else if (
      name === 'p' ||
      name === 'li' ||
      name === 'option' ||
      name === 'dt' ||
      name === 'dd'
    ) {
      const same =
        name === 'dt' || name === 'dd'
          ? Math.max(this.lastPos('dt'), this.lastPos('dd'))
          : this.lastPos(name);
      if (same > top.scopeBelow && same > 0) this.popTo(same, at);
    }
  }

  private closeTag(name: string, at: number): void {
    if (name === 'br') {
      // </br> is treated as <br> by browsers.
      if (this.hardDepth === 0) this.sink().lineBreak(at);
      return;
    }
    // Content after </body> or </html> is still shown by browsers; keep the frames open.
    if (name === 'body' || name === 'html') return;
    const pos = this.lastPos(name);
    const top = this.top();
    if (pos <= 0) {
      if (this.hardDepth === 0 && (name === 'p' || (FLAGS.get(name) ?? 0) & BLOCK)) {
        this.sink().lineBreak(at);
      }
      return;
    }
    let allowed: boolean;
    if (name === 'table' || this.hardDepth > 0) allowed = true;
    else if (TABLE_PARTS.has(name)) allowed = pos > top.tableBelow;
    else allowed = pos > top.scopeBelow;
    if (allowed) this.popTo(pos, at);
  }

  /** Pop frames until the one at `index` is gone; `at` is where the closing happened. */
  private popTo(index: number, at: number): void {
    if (index < 1) return;
    while (this.frames.length > index) this.pop(at);
  }

  private pop(at: number): void {
    const frame = this.frames.pop() as Frame;
    this.positions.get(frame.name)?.pop();
    const wasHard = this.hardDepth > 0;
    if (frame.flags & HARD) this.hardDepth--;
    if (frame.name === 'script' && this.hardDepth === 0) this.runDocumentWrite(frame, at);
    if (wasHard) return;

    if (frame.name === 'td' || frame.name === 'th') {
      const t = this.tableOf(frame);
      if (t) this.endCell(t, at);
    } else if (frame.name === 'tr') {
      const t = this.tableOf(frame);
      if (t?.rowOpen) this.endRow(t, at);
    } else if (frame.table?.rowOpen) {
      this.endRow(frame.table, at);
    }

    if (frame.soft) this.retractIfSmall(frame.soft);
    if (frame.flags & BLOCK) this.sink().lineBreak(at);
  }

  private tableOf(frame: Frame): TableState | null {
    return frame.tableBelow >= 0
      ? ((this.frames[frame.tableBelow] as Frame | undefined)?.table ?? null)
      : null;
  }

  private retractIfSmall(mark: SoftMark): void {
    const sink = this.sink();
    if (sink !== mark.sink || sink.epoch !== mark.epoch) return;
    if (sink.b.length < mark.length || sink.b.length - mark.length > SOFT_MAX_CHARS) return;
    sink.b.truncate(mark.length);
    sink.spaceAt = mark.spaceAt;
    sink.breakAt = mark.breakAt;
  }

  // --- tables ----------------------------------------------------------------------------

  private startRow(t: TableState, at: number): void {
    if (t.rowOpen) this.endRow(t, at);
    t.rowOpen = true;
    t.layout = false;
    t.cells = [];
    t.cellOpen = false;
    this.cells.clear();
    this.flow.lineBreak(at);
  }

  private startCell(t: TableState, at: number): void {
    if (t.cellOpen) this.endCell(t, at);
    if (t.layout) {
      this.flow.lineBreak(at);
      return;
    }
    t.cellOpen = true;
    t.cellStart = at;
    this.cells.beginCell();
  }

  private endCell(t: TableState, at: number): void {
    if (t.layout) {
      this.flow.lineBreak(at);
      return;
    }
    if (!t.cellOpen) return;
    t.cells.push({ from: this.cells.origin, to: this.cells.b.length, start: t.cellStart, end: at });
    t.cellOpen = false;
  }

  private endRow(t: TableState, at: number): void {
    if (t.cellOpen) this.endCell(t, at);
    const flow = this.flow;
    if (!t.layout && t.cells.some((c) => c.to > c.from)) {
      flow.lineBreak(t.cells[0]?.start ?? at);
      for (const cell of t.cells) {
        flow.char(0x7c, cell.start);
        flow.char(SPACE, cell.start);
        flow.b.appendFrom(this.cells.b, cell.from, cell.to);
        flow.char(SPACE, cell.end);
      }
      flow.char(0x7c, at);
    }
    flow.lineBreak(at);
    t.rowOpen = false;
    t.layout = false;
    t.cells = [];
    this.cells.clear();
  }

  /** A table inside a cell makes the outer row page layout: flush what it holds as blocks. */
  private toLayout(t: TableState): void {
    if (t.cellOpen) this.endCell(t, t.cellStart);
    const flow = this.flow;
    for (const cell of t.cells) {
      if (cell.to === cell.from) continue;
      flow.lineBreak(cell.start);
      // char() places the pending line break; the rest is copied as is.
      flow.char(this.cells.b.codeAt(cell.from), this.cells.b.offsetAt(cell.from));
      flow.b.appendFrom(this.cells.b, cell.from + 1, cell.to);
    }
    flow.lineBreak(t.cellStart);
    t.cells = [];
    t.layout = true;
    this.cells.clear();
  }

  // --- document.write --------------------------------------------------------------------

  private runDocumentWrite(frame: Frame, at: number): void {
    if (this.nesting >= MAX_SCRIPT_NESTING || frame.textStart < 0) return;
    const body = this.html.slice(frame.textStart, frame.textEnd);
    if (!/document\s*\.\s*write/.test(body) || !/<[a-z/]|\\u003c|\\x3c/i.test(body)) return;
    const literals = extractJsStrings(this.html, frame.textStart, frame.textEnd);
    if (!/<[a-z/]/i.test(literals.text)) return;
    const inner = new HtmlToText(literals.text, this.nesting + 1).run();
    const sink = this.sink();
    sink.lineBreak(at);
    sink.appendFormatted(compose(inner, literals));
    sink.lineBreak(at);
  }
}

function isFurnitureIdClass(value: string): boolean {
  for (const token of value.split(/\s+/)) {
    if (token !== '' && FURNITURE_TOKEN_RE.test(token)) return true;
  }
  return false;
}

/**
 * Turn HTML into the text a reader sees, mapped into `html`: blocks become lines, each table
 * row one `| cell | cell |` line (blank cells stay as empty cells; colspan/rowspan are not
 * expanded), entities decoded, scripts/styles/navigation/footers dropped. Linear time.
 */
export function htmlToText(html: string): MappedText {
  return new HtmlToText(html, 0).run();
}
