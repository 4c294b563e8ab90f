/** When an annual report had to be public, under the 条例 in force for its year. */

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * The last day (YYYY-MM-DD) to publish the report for `year`. The revised 条例 (2019, Art. 49)
 * gives departments until 31 January and governments until 31 March; the 2008 条例 (Art. 32)
 * gave everyone until 31 March.
 */
export function publicationDeadline(year: number, government: boolean): string {
  if (!Number.isInteger(year) || year < 1 || year > 9998) {
    throw new RangeError(`not a report year: ${year}`);
  }
  const next = String(year + 1).padStart(4, '0');
  return year >= 2019 && !government ? `${next}-01-31` : `${next}-03-31`;
}

/** Whether the report was published after its deadline; null when either date is unknown. */
export function isLate(
  publishedAt: string | null,
  year: number | null,
  government: boolean,
): boolean | null {
  if (publishedAt === null || year === null || !isDate(publishedAt)) return null;
  if (!Number.isInteger(year) || year < 1 || year > 9998) return null;
  // ISO dates compare correctly as strings.
  return publishedAt > publicationDeadline(year, government);
}

function isDate(s: string): boolean {
  const m = DATE.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}
