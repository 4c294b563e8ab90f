/**
 * Checking a report's values against the identities its table promises. A broken identity is
 * a finding to show, never a reason to drop or change a value.
 */
import { checkIdentity, identitiesFor } from './catalog/identities.ts';
import type { ExtractedValue, Finding, Form } from './types.ts';

const sum = (codes: readonly string[], get: (c: string) => number | null | undefined) =>
  codes.reduce((a, c) => a + (get(c) ?? 0), 0);

const round = (x: number) => Math.round(x * 1e6) / 1e6;

/** Below this confidence a reading is flagged for a person to check. */
const UNCERTAIN = 0.7;

/** Findings for every spec identity the table values break, blank totals over non-zero parts, and uncertain readings. */
export function validate(form: Form, values: readonly ExtractedValue[]): Finding[] {
  const table = new Map<string, number | null>();
  for (const v of values) if (v.source === 'table') table.set(v.code, v.value);
  const get = (c: string) => table.get(c);
  const findings: Finding[] = [];

  for (const id of identitiesFor(form, new Set(table.keys()))) {
    if (!id.spec) continue;
    const held = checkIdentity(id, get);
    const codes = [...id.left, ...id.right].filter((c) => table.has(c));
    if (held === false) {
      const printed = round(sum(id.left, get));
      const expected = round(sum(id.right, get));
      findings.push({
        rule: id.rule,
        severity: 'warning',
        message: `${id.left.join(' + ')} is ${printed}, but ${id.right.filter((c) => table.has(c)).join(' + ')} make ${expected}`,
        codes,
        printed,
        expected,
      });
      continue;
    }
    // A total printed blank while its parts are not zero is a gap in the report, not a zero.
    if (held === null && id.left.length === 1) {
      const total = id.left[0] as string;
      const parts = id.right.filter((c) => table.has(c));
      if (table.get(total) === null && parts.some((c) => (table.get(c) ?? 0) !== 0)) {
        findings.push({
          rule: `${id.rule}.blank-total`,
          severity: 'warning',
          message: `${total} is blank but its parts sum to ${round(sum(parts, get))}`,
          codes: [total, ...parts],
          printed: null,
          expected: round(sum(parts, get)),
        });
      }
    }
  }

  // One finding per table row (its cells were split together) and one per prose guess.
  const uncertain = new Map<string, ExtractedValue[]>();
  for (const v of values) {
    if (v.confidence >= UNCERTAIN) continue;
    const key =
      v.source === 'table' ? `table ${v.code.replace(/[:.][^:.]+$/, '')}` : `${v.source} ${v.code}`;
    uncertain.set(key, [...(uncertain.get(key) ?? []), v]);
  }
  for (const group of uncertain.values()) {
    const shown = group.map((v) => `${v.code} = ${v.value}`).join(', ');
    findings.push({
      rule: 'reading.uncertain',
      severity: 'info',
      message:
        group[0]?.source === 'table'
          ? `${shown}: glued cells that no table identity could split; the split chosen is only the most plausible`
          : `${shown}: inferred from a sentence that does not state the figure outright`,
      codes: group.map((v) => v.code),
    });
  }

  // The narrative and the table disagreeing on the same figure is worth a reader's look.
  for (const v of values) {
    if (v.source !== 'prose') continue;
    const t = table.get(v.code);
    if (t !== undefined && t !== null && t !== v.value) {
      findings.push({
        rule: 'prose.conflict',
        severity: 'info',
        message: `the narrative gives ${v.code} = ${v.value}, the table ${t}`,
        codes: [v.code],
        printed: t,
        expected: v.value,
      });
    }
  }
  return findings;
}
