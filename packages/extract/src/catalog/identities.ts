import type { Form } from '../types.ts';
import { REQUEST_COLUMNS, REQUEST_ROWS } from './indicators.ts';

/**
 * An arithmetic promise of a table: `sum(left) = sum(right)` (`equal`), or `sum(right) <= sum(left)`
 * (`atMost`, the 其中 rows of a total). `spec` identities are the ones spec/indicators.md lists;
 * a broken one is a finding. The others only help to split glued cells.
 */
export interface Identity {
  rule: string;
  kind: 'equal' | 'atMost';
  left: readonly string[];
  right: readonly string[];
  spec: boolean;
}

const eq = (rule: string, left: string[], right: string[]): Identity => ({
  rule,
  kind: 'equal',
  left,
  right,
  spec: true,
});
const atMost = (rule: string, total: string, parts: string[]): Identity => ({
  rule,
  kind: 'atMost',
  left: [total],
  right: parts,
  spec: false,
});

const OUTCOME_ROWS = REQUEST_ROWS.map((r) => r.code).filter(
  (c) =>
    c !== 'requests.new' &&
    c !== 'requests.carriedOver' &&
    c !== 'requests.resolved' &&
    c !== 'requests.carriedForward',
);

function requestIdentities(present: ReadonlySet<string>): Identity[] {
  const out: Identity[] = [];
  for (const c of REQUEST_COLUMNS) {
    out.push(
      eq(
        'requests.balance',
        [`requests.new:${c}`, `requests.carriedOver:${c}`],
        [`requests.resolved:${c}`, `requests.carriedForward:${c}`],
      ),
    );
    // 2019 prints one (六) row, 2021 three: sum whichever the report has.
    const outcomes = OUTCOME_ROWS.map((r) => `${r}:${c}`).filter((code) => present.has(code));
    out.push(eq('requests.resolved.sum', [`requests.resolved:${c}`], outcomes));
  }
  for (const row of REQUEST_ROWS) {
    const parts = REQUEST_COLUMNS.filter((c) => c !== 'total').map((c) => `${row.code}:${c}`);
    out.push(eq('requests.row.total', [`${row.code}:total`], parts));
  }
  return out;
}

function reviewIdentities(): Identity[] {
  return ['review', 'litigation.direct', 'litigation.afterReview'].map((g) =>
    eq(
      `${g}.total`,
      [`${g}.total`],
      [`${g}.upheld`, `${g}.corrected`, `${g}.other`, `${g}.pending`],
    ),
  );
}

function nationalIdentities(suffix: string): Identity[] {
  const s = (codes: string[]) => codes.map((c) => c + suffix);
  return [
    eq(
      'requests.received.sum',
      s(['requests.received']),
      s([
        'requests.received.inPerson',
        'requests.received.fax',
        'requests.received.online',
        'requests.received.mail',
      ]),
    ),
    eq(
      'requests.concluded.sum',
      s(['requests.concluded']),
      s(['requests.concluded.onTime', 'requests.concluded.extended']),
    ),
    eq(
      'requests.answered.sum',
      s(['requests.answered']),
      s([
        'requests.answered.alreadyPublic',
        'requests.answered.granted',
        'requests.answered.partlyGranted',
        'requests.answered.denied',
        'requests.answered.notThisAgency',
        'requests.answered.notExist',
        'requests.answered.clarify',
        'requests.answered.otherChannel',
      ]),
    ),
    eq(
      'requests.answered.denied.sum',
      s(['requests.answered.denied']),
      s([
        'requests.answered.denied.stateSecret',
        'requests.answered.denied.commercialSecret',
        'requests.answered.denied.privacy',
        'requests.answered.denied.security',
        'requests.answered.denied.notGovInfo',
        'requests.answered.denied.otherLaw',
      ]),
    ),
    eq(
      'capacity.staff.sum',
      s(['capacity.staff']),
      s(['capacity.staff.fullTime', 'capacity.staff.partTime']),
    ),
    eq(
      'review.total',
      s(['review.total']),
      s(['review.upheld', 'review.corrected', 'review.other']),
    ),
    eq(
      'litigation.total',
      s(['litigation.total']),
      s(['litigation.upheld', 'litigation.corrected', 'litigation.other']),
    ),
  ];
}

// Local tables list their 其中 rows under a total; the parts can't exceed it.
function provincialRelations(suffix: string): Identity[] {
  const s = (codes: string[]) => codes.map((c) => c + suffix);
  return [
    atMost(
      'proactive.channels.within',
      `proactive.items${suffix}`,
      s(['proactive.channels.website', 'proactive.channels.gazette']),
    ),
    atMost(
      'requests.received.within',
      `requests.received${suffix}`,
      s([
        'requests.received.inPerson',
        'requests.received.fax',
        'requests.received.email',
        'requests.received.online',
        'requests.received.mail',
        'requests.received.mailOrFax',
        'requests.received.other',
      ]),
    ),
    atMost(
      'requests.answered.within',
      `requests.answered${suffix}`,
      s([
        'requests.answered.granted',
        'requests.answered.partlyGranted',
        'requests.answered.denied',
        'requests.answered.other',
      ]),
    ),
  ];
}

const govCache = new Map<string, Identity[]>();

/** The identities that apply to a report of `form` whose table has the codes in `present`. */
export function identitiesFor(form: Form, present: ReadonlySet<string>): Identity[] {
  switch (form) {
    case 'gov-2019':
    case 'gov-2021': {
      // Only which (六) rows are present changes the set: build each variant once.
      const key = OUTCOME_ROWS.filter((r) => present.has(`${r}:total`)).join();
      let ids = govCache.get(key);
      if (!ids) {
        ids = [...requestIdentities(present), ...reviewIdentities()];
        govCache.set(key, ids);
      }
      return ids;
    }
    case 'national-2014':
      return nationalIdentities('');
    case 'provincial':
      return [
        ...provincialRelations(''),
        ...provincialRelations(':cumulative'),
        // The same rows read as equalities when the parts are the complete breakdown.
        ...provincialRelations('').map((r) => ({
          ...r,
          kind: 'equal' as const,
          rule: r.rule.replace('within', 'sum'),
        })),
        ...provincialRelations(':cumulative').map((r) => ({
          ...r,
          kind: 'equal' as const,
          rule: r.rule.replace('within', 'sum'),
        })),
      ];
    default:
      return [];
  }
}

/**
 * Evaluates an identity over known values: `null` when a side has no printed figure. A blank
 * part counts as none (0), as blank cells mean in these tables; a blank total is left to the
 * caller, which reports it separately.
 */
export function checkIdentity(
  id: Identity,
  value: (code: string) => number | null | undefined,
): boolean | null {
  const side = (codes: readonly string[]) => {
    let sum = 0;
    let printed = 0;
    for (const c of codes) {
      const v = value(c);
      if (v === null || v === undefined) continue;
      sum += v;
      printed++;
    }
    return printed === 0 ? null : sum;
  };
  if (id.left.length === 1 && value(id.left[0] as string) == null) return null;
  const left = side(id.left);
  const right = side(id.right);
  if (left === null || right === null) return null;
  // Money carries decimals: compare at the printed precision.
  const close = Math.abs(left - right) < 1e-6;
  return id.kind === 'equal' ? close : right <= left + 1e-6;
}
