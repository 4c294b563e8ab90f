/**
 * The extraction evaluation on the hand-checked corpus, with floors just under what the engine
 * reaches: a change that loses cells, prose facts or metadata fails here.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { evaluateCorpus } from '../../packages/cli/src/eval/corpus.ts';
import { summarise } from '../../packages/cli/src/eval/score.ts';

const CORPUS = fileURLToPath(new URL('../fixtures/corpus', import.meta.url));

const FLOOR = {
  cellRecall: 0.999,
  cellPrecision: 0.999,
  proseRecall: 0.999,
  metadataAccuracy: 0.999,
};

describe('extraction on the corpus', async () => {
  const scores = await evaluateCorpus(CORPUS);
  const summary = summarise(scores);

  it('reads every file', () => {
    expect(scores.length).toBe(13);
    expect(scores.filter((s) => s.error)).toEqual([]);
  });

  it.each(Object.entries(FLOOR))('keeps %s at or above %d', (key, floor) => {
    expect(summary[key as keyof typeof FLOOR]).toBeGreaterThanOrEqual(floor);
  });

  it('gets the metadata of every file right', () => {
    expect(
      scores.flatMap((s) =>
        s.misses.filter((m) => m.kind === 'metadata').map((m) => `${s.file} ${m.code}`),
      ),
    ).toEqual([]);
  });
});
