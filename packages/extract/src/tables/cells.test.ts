import { describe, expect, it } from 'vitest';
import { readCells } from './cells.ts';

const kinds = (text: string) => readCells(text, 0, text.length).map((c) => `${c.kind}:${c.text}`);

describe('readCells', () => {
  it.each([
    // label | unit | value | on one line (the label part is dropped on the first line).
    [' | 条 | 0 |', ['unit:条', 'num:0']],
    // One cell per line; an empty line `|` is a blank cell.
    [' |\n条 |\n|\n', ['unit:条', 'blank:']],
    // Section row with a dash unit and a figure.
    [' |\n— |\n4236 |\n', ['blank:—', 'num:4236']],
    // Markdown row with a blank total and the separator row.
    [' | 1 | 0 |  |\n|---|---|---|', ['num:1', 'num:0', 'blank:']],
    // Single spaces.
    [' 条 425 1516 其中:', ['unit:条', 'num:425', 'num:1516', 'text:其中:']],
    // No separator at all.
    ['条4251516其中:', ['unit:条', 'num:4251516', 'text:其中:']],
    ['13575394432.52元', ['num:13575394432.52', 'unit:元']],
    // Negative change in a 2019 table.
    ['行政许可 12 -3 40', ['text:行政许可', 'num:12', 'num:-3', 'num:40']],
    // Page numbers of a PDF are not cells.
    ['3\n -4- \n5', ['num:3', 'num:5']],
  ])('%j', (text, expected) => {
    expect(kinds(text)).toEqual(expected);
  });
});
