/**
 * The correction form's rules, the same as the API's (core validateSubmission: evidence 5–2000
 * characters, contact at most 200, a finite value within ±1e12 unless the cell is blank), so a
 * person hears about a problem before sending, in Chinese, next to the field at fault.
 */

export const MIN_EVIDENCE = 5;
export const MAX_EVIDENCE = 2000;
export const MAX_CONTACT = 200;
export const MAX_ABS_VALUE = 1e12;

export type CorrectionField = 'value' | 'evidence' | 'contact';

export interface CorrectionDraft {
  /** As typed: full-width digits and thousands separators are accepted. */
  value: string;
  blank: boolean;
  evidence: string;
  contact: string;
}

export type FieldErrors = Partial<Record<CorrectionField, string>>;

export interface CheckedCorrection {
  value: number | null;
  blank: boolean;
  evidence: string;
  contact: string | null;
}

export type DraftCheck =
  | { ok: true; input: CheckedCorrection }
  | { ok: false; errors: FieldErrors };

// biome-ignore lint/suspicious/noControlCharactersInRegex: matching them is the point
const CONTROL_EXCEPT_NL_TAB = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/u;
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching them is the point
const CONTROL = /[\u0000-\u001F\u007F-\u009F]/u;

/** Characters as the API counts them (code points, not UTF-16 units). */
const length = (text: string) => [...text].length;

/**
 * A typed number: '1,234', '１２３', ' 3.5 ', '−2' → a number; null when it is not one.
 * Chinese keyboards give full-width digits; reports print thousands separators.
 */
export function parseNumber(text: string): number | null {
  const ascii = text
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/[．。]/g, '.')
    .replace(/[−－]/g, '-')
    .replace(/[,，\s]/g, '');
  if (!/^[-+]?(\d+\.?\d*|\.\d+)$/.test(ascii)) return null;
  const n = Number(ascii);
  return Number.isFinite(n) ? (n === 0 ? 0 : n) : null;
}

/**
 * Checks a draft; `current` is the value's reading now (null is blank), so a proposal that
 * changes nothing is caught before it costs a moderator's time.
 */
export function checkCorrection(draft: CorrectionDraft, current?: number | null): DraftCheck {
  const errors: FieldErrors = {};

  let value: number | null = null;
  if (draft.blank) {
    if (current === null) errors.value = '当前已是空白，无需更正。';
  } else if (draft.value.trim() === '') {
    errors.value = '请填写正确的数值，或勾选“此处应为空白”。';
  } else {
    const n = parseNumber(draft.value);
    if (n === null) errors.value = '请输入数字，例如 12 或 3.5。';
    else if (Math.abs(n) > MAX_ABS_VALUE) errors.value = '数值过大，请检查。';
    else if (current !== undefined && n === current) errors.value = '与当前数值相同，无需更正。';
    else value = n;
  }

  // Browsers send CRLF from text areas; the API counts it as one newline.
  const evidence = draft.evidence.replace(/\r\n?/g, '\n').trim();
  if (evidence === '') errors.evidence = '请说明依据：原文第几页、哪张表、哪一行。';
  else if (length(evidence) < MIN_EVIDENCE) errors.evidence = `依据至少 ${MIN_EVIDENCE} 个字。`;
  else if (length(evidence) > MAX_EVIDENCE)
    errors.evidence = `依据最多 ${MAX_EVIDENCE} 个字，现在有 ${length(evidence)} 个。`;
  else if (CONTROL_EXCEPT_NL_TAB.test(evidence))
    errors.evidence = '依据中有无法显示的控制字符，请删除。';

  const contact = draft.contact.trim();
  if (length(contact) > MAX_CONTACT) errors.contact = `联系方式最多 ${MAX_CONTACT} 个字。`;
  else if (CONTROL.test(contact)) errors.contact = '联系方式中有无法显示的控制字符，请删除。';

  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    input: { value, blank: draft.blank, evidence, contact: contact === '' ? null : contact },
  };
}

const FIELD_NAMES: Record<CorrectionField, string> = {
  value: '数值',
  evidence: '依据',
  contact: '联系方式',
};

/**
 * The API's English issue message in Chinese. Its wording is known (core validateSubmission,
 * api submitAs); anything else falls back to a plain "this field is not accepted".
 */
export function issueMessage(field: string, message: string): string {
  const name = FIELD_NAMES[field as CorrectionField] ?? '输入';
  const least = /at least (\d+)/i.exec(message);
  if (least) return `${name}至少 ${least[1]} 个字。`;
  const most = /at most (\d+)|longer than (\d+)/i.exec(message);
  if (most) return `${name}最多 ${most[1] ?? most[2]} 个字。`;
  if (/control characters/i.test(message)) return `${name}中有无法显示的控制字符，请删除。`;
  if (/too large/i.test(message)) return '数值过大，请检查。';
  if (/blank cell has no value/i.test(message)) return '勾选了空白就不要再填数值。';
  if (/finite number|value is required/i.test(message))
    return '请填写正确的数值，或勾选“此处应为空白”。';
  if (/required/i.test(message)) return `请填写${name}。`;
  return `${name}不符合要求，请检查。`;
}

/** InvalidInputError issues on the form's fields; issues of other fields go to `form`. */
export function issuesToErrors(
  issues: readonly { field: string; message: string }[],
): FieldErrors & { form?: string } {
  const out: FieldErrors & { form?: string } = {};
  for (const issue of issues) {
    const field = issue.field as CorrectionField;
    if (field in FIELD_NAMES) out[field] ??= issueMessage(field, issue.message);
    else out.form ??= '提交的内容不符合要求，请检查后重试。';
  }
  return out;
}

/** '提交过于频繁，请在 N 分钟后再试' from the API's retryAfter seconds. */
export function rateLimitMessage(retryAfterSeconds: number): string {
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  return `提交过于频繁，请在 ${minutes} 分钟后再试。`;
}
