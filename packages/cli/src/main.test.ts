import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { capturingIo } from './io.ts';
import { main } from './main.ts';

function capture() {
  const sink = capturingIo();
  return { io: sink, sink };
}

describe('main', () => {
  it('prints usage for --help', async () => {
    const { io, sink } = capture();
    expect(await main(['--help'], sink)).toBe(0);
    for (const cmd of ['extract', 'eval', 'bench']) expect(io.stdout).toContain(cmd);
  });

  it('rejects unknown commands', async () => {
    const { io, sink } = capture();
    expect(await main(['nope'], sink)).toBe(1);
    expect(io.stderr).toContain("unknown command 'nope'");
  });
});

describe('bin/gongkai.js', () => {
  it('runs through the tsx shim', async () => {
    const bin = fileURLToPath(new URL('../bin/gongkai.js', import.meta.url));
    const { stdout } = await promisify(execFile)(process.execPath, [bin, '--help']);
    expect(stdout).toContain('Usage: gongkai');
  });
});
