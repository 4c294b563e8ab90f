/**
 * `gongkai bench`: extraction throughput on one core over a corpus, repeated for at least ten
 * seconds, and peak memory. Figures, not assertions: the machines are shared and noisy.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { extract } from '@gongkai/extract';
import type { Io } from '../io.ts';

const DEFAULT_CORPUS = 'test/fixtures/corpus';

export async function benchCommand(args: string[], io: Io): Promise<number> {
  const dir = args.find((a) => !a.startsWith('-')) ?? DEFAULT_CORPUS;
  const seconds = Number(args.find((a) => a.startsWith('--seconds='))?.split('=')[1] ?? 10);
  const names = (await readdir(join(dir, 'reports'))).sort();
  const inputs = await Promise.all(names.map((n) => readFile(join(dir, 'reports', n))));
  const bytes = inputs.reduce((a, b) => a + b.length, 0);

  for (const input of inputs) extract(input); // warm-up: JIT and lazy tables
  let reports = 0;
  let processed = 0;
  let peakRss = process.memoryUsage().rss;
  const start = performance.now();
  while (performance.now() - start < seconds * 1000) {
    for (const input of inputs) {
      extract(input);
      reports++;
      processed += input.length;
    }
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }
  const elapsed = (performance.now() - start) / 1000;
  const maxRss = Math.max(peakRss, process.resourceUsage().maxRSS * 1024);
  io.out(
    [
      `extraction benchmark: ${names.length} reports, ${(bytes / 1024).toFixed(1)} KiB, one core, ${elapsed.toFixed(1)} s`,
      `  reports/s      ${(reports / elapsed).toFixed(0)}`,
      `  MB/s           ${(processed / 1e6 / elapsed).toFixed(2)}`,
      `  ms/report      ${((elapsed * 1000) / reports).toFixed(3)}`,
      `  peak RSS       ${(maxRss / 2 ** 20).toFixed(0)} MiB`,
      '',
    ].join('\n'),
  );
  return 0;
}
