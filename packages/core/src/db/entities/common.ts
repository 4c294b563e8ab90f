/** Settings every entity shares: one service name, keys kept as written (Chinese names, codes). */
export const SERVICE = 'gongkai';

/** Readings can be blank (null) as well as numbers; DynamoDB stores null as NULL. */
export const reading = { type: 'any' } as const;

/** Month bucket of the change feed: bounded partitions, and `since` reads only the months after it. */
export function changeBucket(iso: string): string {
  return iso.slice(0, 7);
}
