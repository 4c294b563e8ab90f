/**
 * The web app as a phone meets it: the production build's sizes, and Lighthouse on the real
 * local stack (`npm start`'s server and DynamoDB Local with the sample reports).
 * - what the first page loads before any route chunk (the entry script, its module preloads and
 *   the stylesheets named in index.html), raw, gzip -9 and brotli, against the aim of 80 kB gzip;
 * - every other JS and CSS file of the build (the pages' chunks, loaded on demand), gzipped;
 * - Lighthouse (mobile, simulated throttling) on the search page and the report page with the
 *   most values, with the failing accessibility, best-practices and SEO audits named.
 */
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, extname, join, normalize, sep } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { buildWebApp } from '@gongkai/web/build';
import { startLocalStack } from '../commands/serve.ts';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../web/chromium.ts';

export const AIMS = { firstPageJsGzip: 80_000, performance: 95, accessibility: 100 };

const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
/** A hung Chrome must not hang the bench. */
const LIGHTHOUSE_TIMEOUT_MS = 240_000;

export interface InitialAssets {
  /** The entry module and every module preload, in document order, each once. */
  scripts: string[];
  stylesheets: string[];
}

/** The attributes of one start tag; names lower-cased, a bare attribute's value is ''. */
export function parseAttributes(source: string): Record<string, string> {
  const attrs: Record<string, string> = {};
  const pattern = /([^\s"'<>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;
  for (const m of source.matchAll(pattern)) {
    const name = (m[1] as string).toLowerCase();
    if (!(name in attrs)) attrs[name] = m[2] ?? m[3] ?? m[4] ?? '';
  }
  return attrs;
}

/**
 * What index.html makes the browser fetch before the router loads a page's chunk: module
 * scripts with a src, `<link rel="modulepreload">` and `<link rel="stylesheet">`.
 */
export function parseInitialAssets(html: string): InitialAssets {
  const scripts: string[] = [];
  const stylesheets: string[] = [];
  const add = (list: string[], url: string | undefined) => {
    if (url && !list.includes(url)) list.push(url);
  };
  const withoutComments = html.replace(/<!--[\s\S]*?-->/g, '');
  for (const m of withoutComments.matchAll(/<(script|link)\b((?:[^>"']|"[^"]*"|'[^']*')*)>/gi)) {
    const attrs = parseAttributes(m[2] as string);
    if ((m[1] as string).toLowerCase() === 'script') {
      if (attrs.type?.trim().toLowerCase() === 'module') add(scripts, attrs.src);
      continue;
    }
    const rel = (attrs.rel ?? '').toLowerCase().split(/\s+/);
    if (rel.includes('modulepreload')) add(scripts, attrs.href);
    if (rel.includes('stylesheet')) add(stylesheets, attrs.href);
  }
  return { scripts, stylesheets };
}

/**
 * The build's file a same-origin URL of index.html names, relative to the build folder; null
 * for another origin, a data: URL, or a path leaving the folder.
 */
export function assetFile(url: string): string | null {
  if (/^[a-z][a-z0-9+.-]*:|^\/\//i.test(url)) return null;
  const path = url.replace(/[?#].*$/, '').replace(/^\.?\//, '');
  const file = normalize(decodeURIComponent(path));
  if (!file || file === '.' || file.startsWith(`..${sep}`) || file === '..') return null;
  return file;
}

/** A built file's name without Vite's content hash: `ReportPage-B8OB-vAZ.js` → `ReportPage`. */
export function chunkName(file: string): string {
  const stem = basename(file, extname(file));
  return stem.replace(/-[A-Za-z0-9_-]{8}$/, '') || stem;
}

export interface Sizes {
  raw: number;
  gzip: number;
  br: number;
}

export function compressedSizes(data: Buffer): Sizes {
  return {
    raw: data.length,
    gzip: gzipSync(data, { level: 9 }).length,
    br: brotliCompressSync(data, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
        [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
      },
    }).length,
  };
}

const sum = (list: Sizes[]): Sizes => ({
  raw: list.reduce((a, s) => a + s.raw, 0),
  gzip: list.reduce((a, s) => a + s.gzip, 0),
  br: list.reduce((a, s) => a + s.br, 0),
});

export interface Chunk {
  file: string;
  name: string;
  sizes: Sizes;
}

export interface AssetGroup extends Sizes {
  files: Chunk[];
}

export interface BuildSizes {
  html: Sizes;
  firstPageJs: AssetGroup;
  firstPageCss: AssetGroup;
  /** JS and CSS in assets/ that the first page does not load, largest first. */
  lazy: Chunk[];
  /** URLs index.html names that are not files of the build (e.g. another origin). */
  missing: string[];
  buildMs: number;
}

/** Sizes of a finished build folder. */
export async function measureBuild(outDir: string, buildMs = 0): Promise<BuildSizes> {
  const html = await readFile(join(outDir, 'index.html'));
  const initial = parseInitialAssets(html.toString('utf8'));
  const missing: string[] = [];
  const measure = async (urls: string[]): Promise<AssetGroup> => {
    const files: Chunk[] = [];
    for (const url of urls) {
      const file = assetFile(url);
      const data = file ? await readFile(join(outDir, file)).catch(() => null) : null;
      if (!file || !data) missing.push(url);
      else files.push({ file, name: chunkName(file), sizes: compressedSizes(data) });
    }
    return { ...sum(files.map((f) => f.sizes)), files };
  };
  const firstPageJs = await measure(initial.scripts);
  const firstPageCss = await measure(initial.stylesheets);
  const loaded = new Set([...firstPageJs.files, ...firstPageCss.files].map((f) => f.file));
  const lazy: Chunk[] = [];
  const assets = await readdir(join(outDir, 'assets')).catch(() => [] as string[]);
  for (const name of assets) {
    const file = join('assets', name);
    if (!/\.(m?js|css)$/.test(name) || loaded.has(file)) continue;
    const sizes = compressedSizes(await readFile(join(outDir, file)));
    lazy.push({ file, name: chunkName(name), sizes });
  }
  lazy.sort((a, b) => b.sizes.gzip - a.sizes.gzip || a.name.localeCompare(b.name));
  return { html: compressedSizes(html), firstPageJs, firstPageCss, lazy, missing, buildMs };
}

export interface FailingAudit {
  category: string;
  id: string;
  title: string;
}

/** A performance audit that says what would save time: `mainthread-work-breakdown 5.4 s (TBT 600)`. */
export interface PerformanceHint {
  id: string;
  displayValue: string;
  /** Metric → what fixing it would save (ms, or unitless for CLS). */
  savings: Record<string, number>;
  /** CSS selectors of the elements it names (e.g. what shifted), at most 3. */
  elements: string[];
}

export interface LighthouseSummary {
  /** Category id → score × 100 (null when Lighthouse could not score it). */
  scores: Record<string, number | null>;
  /** Milliseconds, except CLS (unitless). */
  metrics: { fcp?: number; lcp?: number; tbt?: number; cls?: number; si?: number };
  failing: FailingAudit[];
  hints: PerformanceHint[];
  /** Lighthouse's measure of this machine's CPU (a mid-range phone's host is about 1000+). */
  benchmarkIndex?: number;
  warnings: string[];
  /** Lighthouse's runtimeError: the page could not be measured. */
  error?: string;
}

interface Lhr {
  runtimeError?: { code?: string; message?: string };
  runWarnings?: unknown[];
  environment?: { benchmarkIndex?: number };
  categories?: Record<
    string,
    { score?: number | null; auditRefs?: { id: string; group?: string }[] }
  >;
  audits?: Record<
    string,
    {
      title?: string;
      score?: number | null;
      scoreDisplayMode?: string;
      numericValue?: number;
      displayValue?: string;
      metricSavings?: Record<string, number | undefined>;
      details?: { items?: { node?: { selector?: string } }[] };
    }
  >;
}

const METRIC_AUDITS = {
  fcp: 'first-contentful-paint',
  lcp: 'largest-contentful-paint',
  tbt: 'total-blocking-time',
  cls: 'cumulative-layout-shift',
  si: 'speed-index',
} as const;

/** The scores, key metrics, failing audits and hints of a Lighthouse result (its JSON output). */
export function summarizeLighthouse(json: unknown): LighthouseSummary {
  const lhr = (json ?? {}) as Lhr;
  const audits = lhr.audits ?? {};
  const scores: Record<string, number | null> = {};
  const failing: FailingAudit[] = [];
  const hints: PerformanceHint[] = [];
  for (const [id, category] of Object.entries(lhr.categories ?? {})) {
    scores[id] = typeof category.score === 'number' ? Math.round(category.score * 100) : null;
    for (const ref of category.auditRefs ?? []) {
      const audit = audits[ref.id];
      if (!audit || typeof audit.score !== 'number' || audit.score >= 1) continue;
      if (id === 'performance') {
        // The metrics are printed as numbers; what remains are the audits saying what to fix.
        const savings = Object.fromEntries(
          Object.entries(audit.metricSavings ?? {}).filter(
            (e): e is [string, number] => typeof e[1] === 'number' && e[1] > 0,
          ),
        );
        const elements = [
          ...new Set((audit.details?.items ?? []).flatMap((i) => i.node?.selector ?? [])),
        ].slice(0, 3);
        if (ref.group !== 'metrics' && Object.keys(savings).length)
          hints.push({ id: ref.id, displayValue: audit.displayValue ?? '', savings, elements });
      } else if (audit.scoreDisplayMode === 'binary' || audit.scoreDisplayMode === 'numeric') {
        failing.push({ category: id, id: ref.id, title: audit.title ?? ref.id });
      }
    }
  }
  const metrics: LighthouseSummary['metrics'] = {};
  for (const [key, id] of Object.entries(METRIC_AUDITS)) {
    const value = audits[id]?.numericValue;
    if (typeof value === 'number') metrics[key as keyof typeof METRIC_AUDITS] = value;
  }
  const summary: LighthouseSummary = {
    scores,
    metrics,
    failing,
    hints,
    warnings: (lhr.runWarnings ?? []).map((w) => String(w).replace(/\s+/g, ' ').trim()),
  };
  const index = lhr.environment?.benchmarkIndex;
  if (typeof index === 'number') summary.benchmarkIndex = index;
  if (lhr.runtimeError?.code)
    summary.error = `${lhr.runtimeError.code}: ${lhr.runtimeError.message ?? ''}`.trim();
  return summary;
}

/**
 * The run to report out of several of one page: the one with the median performance score
 * (the lower middle for an even count), so one noisy run neither flatters nor sinks the page.
 * Runs without a performance score count only when no run has one.
 */
export function medianRun(runs: LighthouseSummary[]): LighthouseSummary | undefined {
  const scored = runs.filter((r) => typeof r.scores.performance === 'number');
  if (!scored.length) return runs[0];
  const sorted = [...scored].sort(
    (a, b) => (a.scores.performance as number) - (b.scores.performance as number),
  );
  return sorted[Math.floor((sorted.length - 1) / 2)];
}

export interface LighthousePage {
  path: string;
  /** The median run (see medianRun); absent when no run gave a result. */
  summary?: LighthouseSummary;
  /** Performance scores of all runs that gave one, in run order. */
  performanceRuns: number[];
  /** Why runs failed (a non-zero exit, no JSON, Lighthouse's runtimeError). */
  errors: string[];
  /** Mean seconds per Lighthouse run. */
  seconds: number;
}

export interface WebBenchResult {
  build: BuildSizes;
  lighthouse: LighthousePage[];
  lighthouseVersion: string;
  nodeVersion: string;
  /** Lighthouse runs per page. */
  runs: number;
  /** Seconds to start the local stack (DynamoDB Local, sample reports, server). */
  stackSeconds: number;
}

export interface WebBenchOptions {
  log: (line: string) => void;
  /** Lighthouse runs per page (the median is reported); 0 skips Lighthouse. */
  runs?: number;
}

interface GraphQLAnswer<T> {
  data?: T;
  errors?: { message: string }[];
}

async function graphql<T>(endpoint: string, query: string, variables = {}): Promise<T> {
  const res = await fetch(endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-gongkai-csrf': '1' },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as GraphQLAnswer<T>;
  if (!res.ok || body.errors?.length || !body.data)
    throw new Error(
      `GraphQL ${res.status}: ${body.errors?.map((e) => e.message).join('; ') ?? 'no data'}`,
    );
  return body.data;
}

const AGENCY_REPORTS = `query ($region: String!) {
  agencies(region: $region, first: 50) {
    edges { node { agencyId reports(first: 5) { edges { node { reportId valueCount } } } } }
  }
}`;

interface AgencyReports {
  agencies: {
    edges: { node: { reports: { edges: { node: { reportId: string; valueCount: number } }[] } } }[];
  };
}

/** The report with the most values, asked of the API: the heaviest report page there is. */
async function largestReport(endpoint: string): Promise<string> {
  const { regions } = await graphql<{ regions: { code: string }[] }>(
    endpoint,
    '{ regions { code } }',
  );
  let best: { reportId: string; valueCount: number } | null = null;
  for (const { code } of regions) {
    const { agencies } = await graphql<AgencyReports>(endpoint, AGENCY_REPORTS, { region: code });
    for (const a of agencies.edges)
      for (const { node } of a.node.reports.edges)
        if (!best || node.valueCount > best.valueCount) best = node;
  }
  if (!best) throw new Error('the API lists no reports');
  return best.reportId;
}

function lighthouseCli(): { cli: string; version: string } {
  const require = createRequire(import.meta.url);
  const cli = require.resolve('lighthouse/cli/index.js');
  const { version } = require('lighthouse/package.json') as { version: string };
  return { cli, version };
}

/** Runs the Lighthouse CLI on one URL; resolves with its exit code and the end of its stderr. */
function runLighthouse(
  cli: string,
  url: string,
  output: string,
): Promise<{ code: number | null; stderr: string }> {
  const args = [
    cli,
    url,
    `--chrome-flags=${CHROMIUM_FLAGS.join(' ')}`,
    `--only-categories=${CATEGORIES.join(',')}`,
    '--output=json',
    `--output-path=${output}`,
    '--quiet',
  ];
  return new Promise((done) => {
    // In our process group, so Ctrl-C reaches it too; on SIGINT it stops the Chrome it
    // launched (Chrome runs in a group of its own, which killing Lighthouse would orphan).
    const child = spawn(process.execPath, args, {
      env: { ...process.env, CHROME_PATH: CHROMIUM_PATH },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString('utf8')).slice(-4000);
    });
    let kill: NodeJS.Timeout | undefined;
    const timer = setTimeout(() => {
      stderr += `\ntimed out after ${LIGHTHOUSE_TIMEOUT_MS / 1000} s`;
      child.kill('SIGINT');
      kill = setTimeout(() => child.kill('SIGKILL'), 10_000);
    }, LIGHTHOUSE_TIMEOUT_MS);
    const finish = (code: number | null, extra = '') => {
      clearTimeout(timer);
      clearTimeout(kill);
      done({ code, stderr: stderr + extra });
    };
    child.on('error', (error) => finish(-1, `\n${error.message}`));
    child.on('close', (code) => finish(code));
  });
}

async function lighthousePage(
  cli: string,
  url: string,
  path: string,
  output: string,
  runs: number,
): Promise<LighthousePage> {
  const start = performance.now();
  const summaries: LighthouseSummary[] = [];
  const errors: string[] = [];
  for (let i = 0; i < runs; i++) {
    await rm(output, { force: true });
    const { code, stderr } = await runLighthouse(cli, url, output);
    const json = await readFile(output, 'utf8').then(
      (text) => JSON.parse(text) as unknown,
      () => null,
    );
    const tail = stderr.trim().split('\n').slice(-5).join(' | ');
    if (code !== 0 || !json) {
      errors.push(`lighthouse exited with ${code}${tail ? `: ${tail}` : ''}`);
      continue;
    }
    const summary = summarizeLighthouse(json);
    if (summary.error) errors.push(summary.error);
    summaries.push(summary);
  }
  const page: LighthousePage = {
    path,
    performanceRuns: summaries.flatMap((s) =>
      typeof s.scores.performance === 'number' ? [s.scores.performance] : [],
    ),
    errors,
    seconds: (performance.now() - start) / 1000 / Math.max(runs, 1),
  };
  const median = medianRun(summaries);
  if (median) page.summary = median;
  return page;
}

/** Builds the app, measures it, serves it with the local stack and runs Lighthouse on two pages. */
export async function benchWeb(options: WebBenchOptions): Promise<WebBenchResult> {
  const { log } = options;
  const runs = Math.max(
    0,
    Math.floor(Number.isFinite(options.runs) ? (options.runs as number) : 1),
  );
  const temp = await mkdtemp(join(tmpdir(), 'gongkai-web-bench-'));
  try {
    const outDir = join(temp, 'dist');
    log('building the web app (vite production build)…');
    const started = performance.now();
    await buildWebApp({ outDir });
    const build = await measureBuild(outDir, performance.now() - started);
    const { cli, version } = lighthouseCli();
    const result: WebBenchResult = {
      build,
      lighthouse: [],
      lighthouseVersion: version,
      nodeVersion: process.version,
      runs,
      stackSeconds: 0,
    };
    if (runs <= 0) return result;

    const data = join(temp, 'data');
    await mkdir(data);
    const stackStart = performance.now();
    const stack = await startLocalStack({
      env: { PORT: '0', DYNAMODB_PORT: '0', GONGKAI_DATA_DIR: data, GONGKAI_WEB_DIR: outDir },
      log: (line) => log(line.trimEnd()),
    });
    try {
      result.stackSeconds = (performance.now() - stackStart) / 1000;
      const reportId = await largestReport(stack.urls.graphql);
      for (const [name, path] of [
        ['search', '/'],
        ['report', `/reports/${encodeURIComponent(reportId)}`],
      ] as const) {
        log(`lighthouse ${version} on ${path} (${runs} run${runs === 1 ? '' : 's'})…`);
        const url = new URL(path, stack.urls.web).href;
        const page = await lighthousePage(cli, url, path, join(temp, `lh-${name}.json`), runs);
        for (const error of page.errors) log(`lighthouse on ${path}: ${error}`);
        result.lighthouse.push(page);
      }
    } finally {
      await stack.stop();
    }
    return result;
  } finally {
    await rm(temp, { recursive: true, force: true });
  }
}

const kb = (n: number) => `${(n / 1000).toFixed(1)} kB`;
const sizes = (s: Sizes) =>
  `${kb(s.raw).padStart(9)} raw, ${kb(s.gzip).padStart(8)} gzip, ${kb(s.br).padStart(8)} br`;
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Items joined by ', ' on lines of at most `width` characters after `indent`. */
export function wrapList(items: string[], indent: string, width = 100): string[] {
  const lines: string[] = [];
  let line = '';
  for (const item of items) {
    const next = line ? `${line}, ${item}` : item;
    if (line && indent.length + next.length + 1 > width) {
      lines.push(`${line},`);
      line = item;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

function formatMetrics(m: LighthouseSummary['metrics']): string {
  const ms = (label: string, v: number | undefined) =>
    `${label} ${v === undefined ? '-' : `${Math.round(v)} ms`}`;
  return [
    ms('FCP', m.fcp),
    ms('LCP', m.lcp),
    ms('TBT', m.tbt),
    `CLS ${m.cls === undefined ? '-' : m.cls.toFixed(3)}`,
    ms('SI', m.si),
  ].join('  ');
}

const chunkLabel = (c: Chunk) =>
  `${c.name}${c.file.endsWith('.css') ? '.css' : ''} ${kb(c.sizes.gzip)}`;

function formatHint(h: PerformanceHint): string {
  const savings = Object.entries(h.savings)
    .map(([metric, v]) => `${metric} ${metric === 'CLS' ? v.toFixed(3) : `${Math.round(v)} ms`}`)
    .join(', ');
  const elements = h.elements.length ? `: ${h.elements.join(', ')}` : '';
  return `${h.id}${h.displayValue ? ` ${h.displayValue}` : ''} (saves ${savings})${elements}`;
}

function formatPage(page: LighthousePage, width: number, runs: number): string[] {
  const head = `    ${page.path.padEnd(width)}  `;
  const pad = ' '.repeat(head.length);
  const s = page.summary;
  if (!s || Object.values(s.scores).every((v) => v === null))
    return [`${head}failed: ${page.errors.join('; ') || 'no result'}`];
  const score = (id: string) => `${id} ${s.scores[id] ?? '-'}`;
  const perf = s.scores.performance ?? null;
  const a11y = s.scores.accessibility ?? null;
  const missed = [
    ...(perf !== null && perf < AIMS.performance ? ['performance'] : []),
    ...(a11y !== null && a11y < AIMS.accessibility ? ['accessibility'] : []),
  ];
  const spread =
    page.performanceRuns.length > 1
      ? `performance of ${plural(page.performanceRuns.length, 'run')}: ${page.performanceRuns.join(', ')}; `
      : '';
  const lines = [
    `${head}${CATEGORIES.map(score).join('  ')}${missed.length ? `   aim missed: ${missed.join(', ')}` : ''}`,
    `${pad}${formatMetrics(s.metrics)}`,
    `${pad}(${spread}${runs > 1 ? 'median run; ' : ''}${page.seconds.toFixed(0)} s a run${s.benchmarkIndex === undefined ? '' : `, CPU benchmark index ${Math.round(s.benchmarkIndex)}`})`,
  ];
  if (page.errors.length)
    lines.push(`${pad}${plural(page.errors.length, 'failed run')}: ${page.errors.join('; ')}`);
  for (const f of s.failing) lines.push(`${pad}failing ${f.category}: ${f.id} (${f.title})`);
  for (const h of s.hints.slice(0, 5)) lines.push(`${pad}hint: ${formatHint(h)}`);
  for (const w of s.warnings) lines.push(`${pad}warning: ${w}`);
  return lines;
}

export function formatWebBench(r: WebBenchResult): string {
  const b = r.build;
  const jsOk = b.firstPageJs.gzip <= AIMS.firstPageJsGzip;
  const indent = ' '.repeat(19);
  const list = (label: string, items: string[]) =>
    wrapList(items, indent).map((l, i) => `${i === 0 ? label.padEnd(indent.length) : indent}${l}`);
  const lines = [
    `web benchmark: production build (vite, ${(b.buildMs / 1000).toFixed(1)} s), served by npm start's server; kB = 1000 bytes, gzip -9, brotli q11`,
    `  first page JS    ${sizes(b.firstPageJs)}   (aim ≤ ${kb(AIMS.firstPageJsGzip)} gzip: ${jsOk ? 'met' : 'MISSED'})`,
    ...list('', b.firstPageJs.files.map(chunkLabel)),
    `  first page CSS   ${sizes(b.firstPageCss)}`,
    `  index.html       ${sizes(b.html)}`,
    ...list('  loaded on demand', b.lazy.length ? b.lazy.map(chunkLabel) : ['none']),
  ];
  if (b.lazy.length) lines.push(`${indent}(gzip; a page's chunks load when it is first opened)`);
  if (b.missing.length)
    lines.push(`  named in index.html, not in the build: ${b.missing.join(', ')}`);

  if (r.lighthouse.length) {
    lines.push(
      `  lighthouse ${r.lighthouseVersion} (node ${r.nodeVersion}), mobile, simulated throttling, ${plural(r.runs, 'run')} a page; stack up in ${r.stackSeconds.toFixed(0)} s; aims: performance ≥ ${AIMS.performance}, accessibility ${AIMS.accessibility}`,
    );
  }
  const width = Math.max(...r.lighthouse.map((p) => p.path.length), 1);
  for (const page of r.lighthouse) lines.push(...formatPage(page, width, r.runs));
  lines.push('');
  return lines.join('\n');
}
