#!/usr/bin/env node
// Thin launcher: registers tsx's ESM loader so the CLI can run straight from TypeScript
// sources (no build step), then hands argv to src/main.ts.
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

// Pin tsx to this package's tsconfig so behaviour doesn't depend on the caller's cwd.
register({ tsconfig: fileURLToPath(new URL('../tsconfig.json', import.meta.url)) });

// The SDK warns on every start that it will need Node 22 from 2027; Lambda runs Node 22 already.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const { main } = await import('../src/main.ts');
process.exitCode = await main(process.argv.slice(2));
