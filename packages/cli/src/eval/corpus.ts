import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { extract } from '@gongkai/extract';
import { type FileScore, scoreFile, type Truth } from './score.ts';

/** Runs the extractor over `dir/reports/*` and scores each file against `dir/truth/<name>.json`. */
export async function evaluateCorpus(dir: string): Promise<FileScore[]> {
  const truthFiles = (await readdir(join(dir, 'truth'))).filter((f) => f.endsWith('.json')).sort();
  const scores: FileScore[] = [];
  for (const file of truthFiles) {
    const truth = JSON.parse(await readFile(join(dir, 'truth', file), 'utf8')) as Truth;
    const bytes = await readFile(join(dir, 'reports', truth.file));
    try {
      scores.push(scoreFile(truth, extract(bytes)));
    } catch (e) {
      scores.push(scoreFile(truth, null, e instanceof Error ? e.message : String(e)));
    }
  }
  return scores;
}
