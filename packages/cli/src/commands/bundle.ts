/** `gongkai bundle` (`npm run bundle`): the GraphQL Lambda as one ESM file, with its sizes. */
import { isAbsolute, relative } from 'node:path';
import type { Io } from '../io.ts';
import { UsageError } from './ingest.ts';

export const DEFAULT_BUNDLE_DIR = 'dist/lambda';

export const BUNDLE_USAGE = `Usage: gongkai bundle [--out DIR]     (also: npm run bundle)

Bundles the GraphQL API's Lambda handler (packages/functions/src/lambda.ts) with everything it
imports, the AWS SDK included, into one minified ESM file for the nodejs22.x runtime, and prints
its size. The handler is the file's \`handler\` export.

  --out DIR   where to write graphql.mjs (default ${DEFAULT_BUNDLE_DIR})
`;

export function parseBundleArgs(args: readonly string[]): { out: string } {
  let out = DEFAULT_BUNDLE_DIR;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === '--out' || arg.startsWith('--out=')) {
      const value = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : args[++i];
      if (!value || (!arg.includes('=') && value.startsWith('--'))) {
        throw new UsageError('--out needs a folder');
      }
      out = value;
    } else if (arg.startsWith('-')) throw new UsageError(`unknown option ${arg}`);
    else throw new UsageError(`unexpected argument '${arg}'`);
  }
  return { out };
}

export async function bundleCommand(args: string[], io: Io): Promise<number> {
  if (args.includes('-h') || args.includes('--help')) {
    io.out(BUNDLE_USAGE);
    return 0;
  }
  let out: string;
  try {
    ({ out } = parseBundleArgs(args));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.err(`gongkai bundle: ${error.message}\n\n${BUNDLE_USAGE}`);
    return 2;
  }
  const start = performance.now();
  try {
    // Loaded here, not at start-up: only this command needs esbuild.
    const { bundleLambda } = await import('@gongkai/functions/bundle');
    const bundle = await bundleLambda(out);
    const seconds = (performance.now() - start) / 1000;
    io.out(
      [
        `${shown(bundle.file)}  (built in ${seconds.toFixed(1)} s)`,
        `  size  ${formatBytes(bundle.bytes)}`,
        `  gzip  ${formatBytes(bundle.gzipBytes)}`,
        `  largest packages: ${bundle.largest.map((p) => `${p.name} ${formatKb(p.bytes)}`).join(', ')}`,
        '',
      ].join('\n'),
    );
    return 0;
  } catch (error) {
    // esbuild's message lists every error with its file and line: print it whole.
    io.err(`gongkai bundle: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}

/** Relative to the working directory when inside it. */
function shown(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : file;
}

export function formatBytes(bytes: number): string {
  return `${bytes.toLocaleString('en-US')} bytes (${formatKb(bytes)})`;
}

function formatKb(bytes: number): string {
  return `${(bytes / 1024).toFixed(0)} KiB`;
}
