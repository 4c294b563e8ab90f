/**
 * Findings in the reader's words. The API states each finding in English for developers; the
 * page says what it means in Chinese from the rule and the two numbers, and keeps the original
 * text for whoever wants the detail.
 */
import { formatNumber } from './format.ts';

export interface FindingInput {
  rule: string;
  severity: string;
  scope: string;
  message: string;
  codes: readonly string[];
  expected: number | null;
  printed: number | null;
}

export interface FindingView {
  /** Position in the report's findings: the anchor of its badges. */
  index: number;
  severity: string;
  /** 'warning' etc.: the `.badge` modifier. */
  tone: 'error' | 'warning' | 'info';
  title: string;
  detail: string | null;
  /** The API's own wording (English). */
  original: string;
  codes: readonly string[];
}

const TONES: Record<string, FindingView['tone']> = {
  ERROR: 'error',
  WARNING: 'warning',
  INFO: 'info',
};

const n = (x: number | null) => (x === null ? '空白' : formatNumber(x));

function describe(f: FindingInput): { title: string; detail: string | null } {
  const dates = f.message.match(/\d{4}-\d{2}-\d{2}/g) ?? [];
  switch (f.rule) {
    case 'cross.lateRelease':
      return {
        title: '发布晚于规定期限',
        detail: dates.length >= 2 ? `发布于 ${dates[0]}，期限为 ${dates[1]}。` : null,
      };
    case 'cross.carriedOver':
      return {
        title: '上年结转数与上一年报告不符',
        detail:
          f.printed !== null && f.expected !== null
            ? `本报告“上年结转”为 ${n(f.printed)}，上一年报告“结转下年度”为 ${n(f.expected)}。`
            : null,
      };
    case 'cross.identicalToPrevious':
      return {
        title: '与上一年报告完全相同',
        detail: '所有数字都与上一年相同，表格可能照抄了上一年。',
      };
    case 'source.changed':
      return {
        title: '原文发布后有改动',
        detail: '机构更新了已发布的原文，部分数字随之改变，详见各数字的历史。',
      };
    case 'input.lossy':
      return { title: '原文部分字符无法识别', detail: '附近的数字可能缺失，请对照原文。' };
    case 'report.no-figures':
      return { title: '未能读出数字', detail: null };
    case 'reading.uncertain':
      return {
        title: '读数可能不准确',
        detail: '这些数字取自粘连的单元格或未明确写出数字的句子，请对照原文核实。',
      };
    case 'prose.conflict':
      return {
        title: '正文与表格不一致',
        detail: `正文写的是 ${n(f.expected)}，表格印的是 ${n(f.printed)}。`,
      };
  }
  if (f.rule.endsWith('.blank-total')) {
    return {
      title: '合计为空白',
      detail: f.expected !== null ? `合计一栏印为空白，但各分项之和为 ${n(f.expected)}。` : null,
    };
  }
  if (f.printed !== null || f.expected !== null) {
    return {
      title: '表内数字对不上',
      detail: `印出的数为 ${n(f.printed)}，按表格的勾稽关系应为 ${n(f.expected)}。`,
    };
  }
  return { title: f.scope === 'CROSS' ? '与其他年份的报告不一致' : '需要核对', detail: null };
}

export function describeFindings(findings: readonly FindingInput[]): FindingView[] {
  return findings.map((f, index) => ({
    index,
    severity: f.severity,
    tone: TONES[f.severity] ?? 'info',
    ...describe(f),
    original: f.message,
    codes: f.codes,
  }));
}

/** Which findings involve each code, to badge its cell. */
export function findingsByCode(findings: readonly FindingView[]): Map<string, FindingView[]> {
  const out = new Map<string, FindingView[]>();
  for (const f of findings) {
    for (const code of new Set(f.codes)) out.set(code, [...(out.get(code) ?? []), f]);
  }
  return out;
}

/** The worst severity among findings, for the badge's colour. */
export function worstTone(findings: readonly FindingView[]): FindingView['tone'] {
  if (findings.some((f) => f.tone === 'error')) return 'error';
  if (findings.some((f) => f.tone === 'warning')) return 'warning';
  return 'info';
}
