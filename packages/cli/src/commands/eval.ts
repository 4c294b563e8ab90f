import { evaluateCorpus } from '../eval/corpus.ts';
import { summarise } from '../eval/score.ts';
import type { Io } from '../io.ts';

const pct = (x: number) => `${(x * 100).toFixed(2)}%`;

export async function evalCommand(args: string[], io: Io): Promise<number> {
  const verbose = args.includes('--verbose') || args.includes('-v');
  const dir = args.find((a) => !a.startsWith('-'));
  if (!dir) {
    io.err('Usage: gongkai eval CORPUS_DIR [--verbose]   (CORPUS_DIR holds reports/ and truth/)\n');
    return 2;
  }
  const scores = await evaluateCorpus(dir);
  io.out(
    `${'file'.padEnd(40)} ${'cells'.padStart(9)} ${'recall'.padStart(8)} ${'precision'.padStart(9)} ${'prose'.padStart(6)} ${'meta'.padStart(5)}\n`,
  );
  for (const s of scores) {
    const recall = s.cells.truth ? s.cells.correct / s.cells.truth : 1;
    const precision = s.cells.extracted
      ? s.cells.correct / s.cells.extracted
      : s.cells.truth
        ? 0
        : 1;
    io.out(
      `${s.file.padEnd(40)} ${`${s.cells.correct}/${s.cells.truth}`.padStart(9)} ${pct(recall).padStart(8)} ${pct(precision).padStart(9)} ${`${s.prose.correct}/${s.prose.truth}`.padStart(6)} ${`${s.metadata.correct}/${s.metadata.fields}`.padStart(5)}${s.error ? `  ERROR ${s.error}` : ''}\n`,
    );
    if (verbose) {
      for (const m of s.misses)
        io.out(
          `    ${m.kind.padEnd(8)} ${m.code}: want ${JSON.stringify(m.want)} got ${JSON.stringify(m.got)}\n`,
        );
    }
  }
  const t = summarise(scores);
  io.out(
    `\noverall (${t.files} files): cell recall ${pct(t.cellRecall)}, cell precision ${pct(t.cellPrecision)}, prose recall ${pct(t.proseRecall)}, metadata accuracy ${pct(t.metadataAccuracy)}\n`,
  );
  return 0;
}
