#!/usr/bin/env node
/**
 * Type-checks sst.config.ts and infra/ against SST's own component types.
 *
 * Those types are not in the sst npm package: `sst install` writes them into .sst/platform from
 * the platform embedded in the CLI binary (plus @pulumi/* from npm). This runs it when
 * .sst/platform is missing or was written by another sst version, offline from AWS (it needs
 * only the npm registry), then runs tsc with tsconfig.sst.json.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const modules = join(root, 'node_modules');
const platform = join(root, '.sst', 'platform');
const typesFile = join(platform, 'config.d.ts');

function fail(message) {
  console.error(`check-sst: ${message}`);
  process.exit(1);
}

function seconds(since) {
  return `${((performance.now() - since) / 1000).toFixed(1)} s`;
}

function installedVersion() {
  return JSON.parse(readFileSync(join(modules, 'sst', 'package.json'), 'utf8')).version;
}

function platformVersion() {
  const file = join(platform, 'version');
  return existsSync(file) ? readFileSync(file, 'utf8').trim() : null;
}

function install(reason) {
  console.log(`check-sst: ${reason}; running \`sst install\` (about a minute)…`);
  const started = performance.now();
  const result = spawnSync(join(modules, '.bin', 'sst'), ['install'], {
    cwd: root,
    stdio: 'inherit',
    env: {
      ...process.env,
      // No bun, Pulumi or telemetry downloads, no AWS metadata probe: npm is all it needs.
      SST_NO_BUN: '1',
      SST_SKIP_DEPENDENCY_CHECK: '1',
      SST_TELEMETRY_DISABLED: '1',
      AWS_EC2_METADATA_DISABLED: 'true',
      SST_STAGE: process.env.SST_STAGE ?? 'ci',
    },
  });
  if (result.error) fail(`could not run sst: ${result.error.message} (is \`npm ci\` done?)`);
  if (result.status !== 0) {
    fail(`\`sst install\` failed (exit ${result.status}); it needs the npm registry.`);
  }
  if (!existsSync(typesFile)) fail(`\`sst install\` finished but wrote no ${typesFile}`);
  console.log(`check-sst: installed SST platform ${platformVersion()} in ${seconds(started)}`);
}

const wanted = installedVersion();
const recorded = platformVersion();
if (!existsSync(typesFile)) install('.sst/platform/config.d.ts is missing');
else if (recorded !== wanted) install(`.sst/platform is for sst ${recorded}, sst is ${wanted}`);

const started = performance.now();
const tsc = spawnSync(
  process.execPath,
  [join(modules, 'typescript', 'bin', 'tsc'), '-p', join(root, 'tsconfig.sst.json')],
  { cwd: root, stdio: 'inherit' },
);
if (tsc.error) fail(`could not run tsc: ${tsc.error.message}`);
if (tsc.status !== 0) fail(`sst.config.ts / infra/ do not type-check against sst ${wanted}`);
console.log(
  `check-sst: sst.config.ts and infra/ type-check against sst ${wanted} (${seconds(started)})`,
);
