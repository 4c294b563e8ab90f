import { type ExtractedReport, extract, indicator } from '@gongkai/extract';
import type { Io } from '../io.ts';
import { describeError, readInput } from './read-input.ts';

export const EXTRACT_USAGE = `Usage: gongkai extract FILE... [--json]

Extracts agency, year, form, publication date, every figure (with its source span and
confidence) and the findings from government information-disclosure annual reports
(text in UTF-8 or GBK/GB18030, or HTML pages).

  --json   one JSON object on stdout (an array, in input order, for several files)
`;

const fmt = (v: number | null) => (v === null ? '(blank)' : String(v));

/** A readable summary of one report for a person at a terminal. */
export function formatReport(file: string, r: ExtractedReport): string {
  const lines = [
    `${file}`,
    `  agency:       ${r.agency.name ?? '?'}${r.agency.regionCode ? ` (${r.agency.regionCode})` : ''}`,
    `  year:         ${r.year ?? '?'}`,
    `  form:         ${r.form}`,
    `  published:    ${r.publishedAt ?? '?'}`,
    `  values:       ${r.values.length}`,
  ];
  const width = Math.max(0, ...r.values.map((v) => v.code.length));
  for (const v of r.values) {
    const label = indicator(v.code)?.label ?? '';
    const conf = v.confidence < 1 ? `  confidence ${v.confidence.toFixed(2)}` : '';
    lines.push(
      `    ${v.code.padEnd(width)}  ${fmt(v.value).padStart(12)} ${(v.unit ?? '').padEnd(3)} ${v.source.padEnd(5)} ${label}${conf}`,
    );
  }
  lines.push(`  findings:     ${r.findings.length}`);
  for (const f of r.findings) lines.push(`    [${f.severity}] ${f.rule}: ${f.message}`);
  return `${lines.join('\n')}\n`;
}

export async function extractCommand(args: string[], io: Io): Promise<number> {
  if (args.includes('-h') || args.includes('--help')) {
    io.out(EXTRACT_USAGE);
    return 0;
  }
  const json = args.includes('--json');
  const files = args.filter((a) => a !== '--json');
  const unknown = files.filter((f) => f.startsWith('--'));
  if (files.length === 0 || unknown.length > 0) {
    io.err(
      unknown.length ? `gongkai extract: unknown option ${unknown.join(' ')}\n` : EXTRACT_USAGE,
    );
    return 2;
  }
  let failed = 0;
  const results: unknown[] = [];
  for (const file of files) {
    try {
      const report = extract(await readInput(file));
      if (json) results.push(files.length > 1 ? { file, ...report } : report);
      else io.out(`${formatReport(file, report)}\n`);
    } catch (e) {
      failed++;
      const { code, message } = describeError(e);
      io.err(`gongkai extract: ${file}: ${message} (${code})\n`);
      if (json && files.length > 1) results.push({ file, error: { code, message } });
    }
  }
  if (json && results.length > 0)
    io.out(`${JSON.stringify(files.length > 1 ? results : results[0], null, 2)}\n`);
  return failed > 0 ? 1 : 0;
}
