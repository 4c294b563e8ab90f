/**
 * Building the app from code: `npm start` and the browser tests build it before serving, so
 * what they serve is always the current source.
 */
import { join } from 'node:path';
import { build } from 'vite';

export const WEB_ROOT = import.meta.dirname;
export const DEFAULT_OUT_DIR = join(WEB_ROOT, 'dist');

export interface WebBuildOptions {
  outDir?: string;
  /** The GraphQL endpoint the app calls; same-origin '/graphql' by default. */
  apiUrl?: string;
}

/** Builds the app into `outDir` and returns it. */
export async function buildWebApp(options: WebBuildOptions = {}): Promise<string> {
  const outDir = options.outDir ?? DEFAULT_OUT_DIR;
  const previous = process.env.VITE_GONGKAI_API_URL;
  if (options.apiUrl !== undefined) process.env.VITE_GONGKAI_API_URL = options.apiUrl;
  try {
    await build({
      configFile: join(WEB_ROOT, 'vite.config.ts'),
      root: WEB_ROOT,
      logLevel: 'warn',
      build: { outDir, emptyOutDir: true },
    });
  } finally {
    if (options.apiUrl !== undefined) {
      if (previous === undefined) delete process.env.VITE_GONGKAI_API_URL;
      else process.env.VITE_GONGKAI_API_URL = previous;
    }
  }
  return outDir;
}
