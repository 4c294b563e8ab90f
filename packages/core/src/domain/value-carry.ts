/** What a new version of a source document does to the readings stored for the old one. */

export interface StoredReading {
  code: string;
  extracted: number | null;
  current: number | null;
  unit: string | null;
}

export interface ReadingChange {
  code: string;
  from: number | null | undefined;
  to: number | null | undefined;
}

export interface CarryResult {
  /** The current reading for every code of the new extraction. */
  current: Map<string, number | null>;
  /** Extracted readings that differ between versions: added (from undefined), removed (to undefined), changed. */
  changes: ReadingChange[];
}

/**
 * A person's correction survives a re-crawl only while the source still prints what was
 * corrected; once the publisher changes that cell, the new print wins and the correction is moot.
 * A code listed twice in `next` takes its last reading.
 */
export function carryReadings(
  previous: readonly StoredReading[] | null,
  next: readonly { code: string; value: number | null }[],
): CarryResult {
  const incoming = new Map<string, number | null>();
  for (const r of next) incoming.set(r.code, r.value);

  const current = new Map<string, number | null>();
  if (previous === null) {
    for (const [code, value] of incoming) current.set(code, value);
    return { current, changes: [] };
  }

  const old = new Map<string, StoredReading>();
  for (const r of previous) old.set(r.code, r);

  const changes: ReadingChange[] = [];
  for (const [code, value] of incoming) {
    const p = old.get(code);
    if (p === undefined) {
      changes.push({ code, from: undefined, to: value });
      current.set(code, value);
      continue;
    }
    const unchanged = p.extracted === value;
    if (!unchanged) changes.push({ code, from: p.extracted, to: value });
    current.set(code, unchanged && p.current !== p.extracted ? p.current : value);
  }
  for (const [code, p] of old) {
    if (!incoming.has(code)) changes.push({ code, from: p.extracted, to: undefined });
  }
  return { current, changes };
}
