import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { capturingIo } from '../io.ts';
import { main } from '../main.ts';

const CORPUS = fileURLToPath(new URL('../../../../test/fixtures/corpus/reports/', import.meta.url));
const report = (name: string) => join(CORPUS, `${name}.txt`);

async function run(args: string[]) {
  const io = capturingIo();
  const code = await main(['extract', ...args], io);
  return { code, stdout: io.stdout, stderr: io.stderr };
}

describe('gongkai extract', () => {
  it('prints exactly one JSON object for one file', async () => {
    const { code, stdout, stderr } = await run([report('nx-dawukou-logistics-2016'), '--json']);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    const out = JSON.parse(stdout);
    expect(out).toMatchObject({
      agency: { regionCode: '640202' },
      year: 2016,
      form: 'national-2014',
      publishedAt: '2017-04-05',
    });
    const value = out.values.find((v: { code: string }) => v.code === 'proactive.channels.website');
    expect(value).toMatchObject({ value: 5, unit: '条', source: 'table', confidence: 1 });
    expect(value.span[1]).toBeGreaterThan(value.span[0]);
    expect(Object.keys(out)).toEqual([
      'agency',
      'year',
      'form',
      'publishedAt',
      'values',
      'findings',
    ]);
  });

  it('points every span at the printed figure in the file', async () => {
    const file = report('fj-pingtan-county-2011');
    const { stdout } = await run([file, '--json']);
    const text = await import('node:fs/promises').then((fs) => fs.readFile(file, 'utf8'));
    for (const v of JSON.parse(stdout).values) {
      if (v.source === 'table' && v.value !== null)
        expect(Number(text.slice(v.span[0], v.span[1]))).toBe(v.value);
    }
  });

  it('keeps going past a bad file, reports it on stderr and exits non-zero', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'gongkai-'));
    const empty = join(dir, 'empty.txt');
    const pdf = join(dir, 'scan.pdf');
    await writeFile(empty, '');
    await writeFile(pdf, '%PDF-1.4\n');
    const { code, stdout, stderr } = await run([
      empty,
      report('sn-yulin-affairs-bureau-2016'),
      pdf,
      join(dir, 'missing.txt'),
      '--json',
    ]);
    expect(code).toBe(1);
    const out = JSON.parse(stdout);
    expect(out.map((r: { file: string }) => r.file)).toEqual([
      empty,
      report('sn-yulin-affairs-bureau-2016'),
      pdf,
      join(dir, 'missing.txt'),
    ]);
    expect(out[0].error.code).toBe('empty');
    expect(out[1].agency.regionCode).toBe('610800');
    expect(out[2].error.code).toBe('binary');
    expect(out[3].error.code).toBe('not-found');
    expect(stderr.trim().split('\n')).toHaveLength(3);
    expect(stderr).not.toMatch(/at .*\.ts:\d+/);
  });

  it('prints a readable summary without --json', async () => {
    const { code, stdout } = await run([report('js-huaian-city-2024')]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/agency: +淮安市人民政府 \(320800\)/);
    expect(stdout).toMatch(/form: +gov-2021/);
    expect(stdout).toMatch(/requests\.new:total +3119/);
  });

  it('explains its usage when given nothing', async () => {
    const { code, stderr } = await run([]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/Usage: gongkai extract/);
  });
});
