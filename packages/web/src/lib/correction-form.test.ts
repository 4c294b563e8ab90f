import { describe, expect, it } from 'vitest';
import {
  type CorrectionDraft,
  checkCorrection,
  issueMessage,
  issuesToErrors,
  parseNumber,
  rateLimitMessage,
} from './correction-form.ts';

describe('parseNumber', () => {
  it.each<[string, number | null]>([
    ['12', 12],
    ['0', 0],
    ['-0', 0],
    [' 3.5 ', 3.5],
    ['1,234', 1234],
    ['1，234', 1234],
    ['１２３', 123],
    ['３．５', 3.5],
    ['−2', -2],
    ['+7', 7],
    ['.5', 0.5],
    ['5.', 5],
    ['', null],
    ['abc', null],
    ['12件', null],
    ['1e5', null],
    ['1.2.3', null],
    ['-', null],
  ])('%j → %s', (text, n) => {
    expect(parseNumber(text)).toBe(n);
  });
});

const draft = (over: Partial<CorrectionDraft> = {}): CorrectionDraft => ({
  value: '12',
  blank: false,
  evidence: '原文第 3 页表二第 4 行印的是 12。',
  contact: '',
  ...over,
});

describe('checkCorrection', () => {
  it.each<[string, Partial<CorrectionDraft>, number | null | undefined, Record<string, string>]>([
    [
      'no value, not blank',
      { value: '' },
      5,
      { value: '请填写正确的数值，或勾选“此处应为空白”。' },
    ],
    ['not a number', { value: '十二' }, 5, { value: '请输入数字，例如 12 或 3.5。' }],
    ['too large', { value: '10000000000000' }, 5, { value: '数值过大，请检查。' }],
    ['same as now', { value: '12' }, 12, { value: '与当前数值相同，无需更正。' }],
    [
      'blank when already blank',
      { blank: true, value: '' },
      null,
      { value: '当前已是空白，无需更正。' },
    ],
    [
      'evidence missing',
      { evidence: '   ' },
      5,
      { evidence: '请说明依据：原文第几页、哪张表、哪一行。' },
    ],
    ['evidence too short', { evidence: '第3页' }, 5, { evidence: '依据至少 5 个字。' }],
    [
      'evidence too long',
      { evidence: '证'.repeat(2001) },
      5,
      { evidence: '依据最多 2000 个字，现在有 2001 个。' },
    ],
    [
      'evidence with a control character',
      { evidence: '第三页\u0007表二' },
      5,
      {
        evidence: '依据中有无法显示的控制字符，请删除。',
      },
    ],
    ['contact too long', { contact: 'a'.repeat(201) }, 5, { contact: '联系方式最多 200 个字。' }],
    [
      'contact with a newline',
      { contact: 'a@b.cn\nx' },
      5,
      {
        contact: '联系方式中有无法显示的控制字符，请删除。',
      },
    ],
    [
      'everything wrong',
      { value: 'x', evidence: '', contact: 'a'.repeat(300) },
      5,
      {
        value: '请输入数字，例如 12 或 3.5。',
        evidence: '请说明依据：原文第几页、哪张表、哪一行。',
        contact: '联系方式最多 200 个字。',
      },
    ],
  ])('%s', (_name, over, current, errors) => {
    expect(checkCorrection(draft(over), current)).toEqual({ ok: false, errors });
  });

  it.each<[string, Partial<CorrectionDraft>, number | null | undefined, unknown]>([
    [
      'a number',
      {},
      5,
      { value: 12, blank: false, evidence: '原文第 3 页表二第 4 行印的是 12。', contact: null },
    ],
    [
      'a zero is a number',
      { value: '0' },
      null,
      { value: 0, blank: false, evidence: draft().evidence, contact: null },
    ],
    [
      'blank ignores the typed value',
      { blank: true, value: '99' },
      5,
      {
        value: null,
        blank: true,
        evidence: draft().evidence,
        contact: null,
      },
    ],
    [
      'contact trimmed',
      { contact: '  a@b.cn ' },
      undefined,
      {
        value: 12,
        blank: false,
        evidence: draft().evidence,
        contact: 'a@b.cn',
      },
    ],
    [
      'CRLF counted as one newline, evidence trimmed',
      { evidence: ' 第三页\r\n表二 ' },
      5,
      {
        value: 12,
        blank: false,
        evidence: '第三页\n表二',
        contact: null,
      },
    ],
    [
      'exactly 2000 characters',
      { evidence: '证'.repeat(2000) },
      5,
      {
        value: 12,
        blank: false,
        evidence: '证'.repeat(2000),
        contact: null,
      },
    ],
  ])('accepts %s', (_name, over, current, input) => {
    expect(checkCorrection(draft(over), current)).toEqual({ ok: true, input });
  });
});

describe('issueMessage', () => {
  it.each([
    ['evidence', 'Evidence must be at least 5 characters.', '依据至少 5 个字。'],
    ['evidence', 'Evidence must be at most 2000 characters.', '依据最多 2000 个字。'],
    ['contact', 'Contact must be at most 200 characters.', '联系方式最多 200 个字。'],
    ['evidence', 'Evidence contains control characters.', '依据中有无法显示的控制字符，请删除。'],
    ['value', 'The value is too large.', '数值过大，请检查。'],
    ['value', 'A blank cell has no value.', '勾选了空白就不要再填数值。'],
    ['value', 'The value is required.', '请填写正确的数值，或勾选“此处应为空白”。'],
    [
      'value',
      'The value must be a finite number, or null for a blank.',
      '请填写正确的数值，或勾选“此处应为空白”。',
    ],
    ['evidence', 'Evidence is required.', '请填写依据。'],
    ['contact', 'Something new.', '联系方式不符合要求，请检查。'],
  ])('%s: %s', (field, message, text) => {
    expect(issueMessage(field, message)).toBe(text);
  });
});

describe('issuesToErrors', () => {
  it('puts each issue on its field, the first per field, and unknown fields on the form', () => {
    expect(
      issuesToErrors([
        { field: 'evidence', message: 'Evidence must be at least 5 characters.' },
        { field: 'evidence', message: 'Evidence contains control characters.' },
        { field: 'value', message: 'The value is required.' },
        { field: 'code', message: 'code is too long' },
      ]),
    ).toEqual({
      evidence: '依据至少 5 个字。',
      value: '请填写正确的数值，或勾选“此处应为空白”。',
      form: '提交的内容不符合要求，请检查后重试。',
    });
  });
});

describe('rateLimitMessage', () => {
  it.each([
    [1, '提交过于频繁，请在 1 分钟后再试。'],
    [60, '提交过于频繁，请在 1 分钟后再试。'],
    [61, '提交过于频繁，请在 2 分钟后再试。'],
    [3599, '提交过于频繁，请在 60 分钟后再试。'],
    [0, '提交过于频繁，请在 1 分钟后再试。'],
  ])('%i s', (seconds, text) => {
    expect(rateLimitMessage(seconds)).toBe(text);
  });
});
