/**
 * Plausibility of a split of a glued table-二 row, used only when no identity can decide (table
 * 二 has none). They encode how these figures relate in practice: a document count in force
 * is several times the year's new ones, year-on-year changes are mostly zero, a procurement
 * project is worth some hundreds of thousands of 元. A split chosen this way gets a low
 * confidence.
 */
type Values = readonly (number | null)[];

const ln = (x: number) => Math.log(Math.max(x, 0) + 1);

/** issued / repealed / in force (2021). */
function documents2021([issued = 0, repealed = 0, inForce = 0]: Values): number {
  const i = issued ?? 0;
  const r = repealed ?? 0;
  const f = inForce ?? 0;
  return (r <= i ? 1 : 0) + (f >= i ? 1 : 0) - 0.5 * Math.abs(ln(f) - ln(i) - Math.log(8));
}

/** newly made / newly published / total published (2019). */
function documents2019([made = 0, published = 0, total = 0]: Values): number {
  const m = made ?? 0;
  const p = published ?? 0;
  const t = total ?? 0;
  return (p <= m ? 1 : 0) + (t >= p ? 1 : 0) + (m === p ? 1 : 0);
}

/** previous-year items / change (/ decisions). */
function items2019(values: Values): number {
  const previous = values[0] ?? 0;
  const change = values[1] ?? 0;
  if (change === 0) return 2;
  return Math.abs(change) <= previous ? 0.5 : 0;
}

/** projects / amount in 元. */
function procurement([projects = 0, amount = 0]: Values): number {
  const p = projects ?? 0;
  const a = amount ?? 0;
  if (p <= 0) return a === 0 ? 0 : -5;
  const perProject = Math.log(a / p);
  return -Math.abs(perProject - Math.log(5e5)) / 2;
}

/** The prior for a table-二 row key under a form, if the row has several columns. */
export function art20Prior(
  key: string,
  form: 'gov-2019' | 'gov-2021',
): ((v: Values) => number) | undefined {
  if (key === 'rules' || key === 'normativeDocs')
    return form === 'gov-2021' ? documents2021 : documents2019;
  if (key === 'procurement') return procurement;
  if (form === 'gov-2019') return items2019;
  return undefined;
}
