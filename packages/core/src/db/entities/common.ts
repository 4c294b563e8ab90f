/** Settings every entity shares: one service name, keys kept as written (Chinese names, codes). */
export const SERVICE = 'gongkai';

/** Readings can be blank (null) as well as numbers; DynamoDB stores null as NULL. */
export const reading = { type: 'any' } as const;

/** A stored reading as a number, or null for a blank (or anything that is not a number). */
export const readingOf = (value: unknown): number | null =>
  typeof value === 'number' ? value : null;

/** Month bucket of the change feed: bounded partitions, and `since` reads only the months after it. */
export function changeBucket(iso: string): string {
  return iso.slice(0, 7);
}
