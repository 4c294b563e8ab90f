import { describe, expect, it } from 'vitest';
import {
  assetFile,
  type BuildSizes,
  chunkName,
  compressedSizes,
  formatWebBench,
  type LighthouseSummary,
  medianRun,
  parseAttributes,
  parseInitialAssets,
  summarizeLighthouse,
  type WebBenchResult,
  wrapList,
} from './web-bench.ts';

describe('parseInitialAssets', () => {
  it.each([
    {
      name: 'what Vite writes',
      html: `<head>
    <script type="module" crossorigin src="/assets/index-CtwpfbQs.js"></script>
    <link rel="modulepreload" crossorigin href="/assets/_plugin-vue_export-helper-DjSTwXPG.js">
    <link rel="stylesheet" crossorigin href="/assets/index-Gd2Ie4s4.css">
  </head>`,
      scripts: ['/assets/index-CtwpfbQs.js', '/assets/_plugin-vue_export-helper-DjSTwXPG.js'],
      stylesheets: ['/assets/index-Gd2Ie4s4.css'],
    },
    {
      name: 'attributes in another order, single and no quotes, upper case',
      html: `<SCRIPT src='/a.js' TYPE=module></SCRIPT>
<link href=/b.js rel=modulepreload /><LINK HREF="/c.css" REL="Stylesheet">`,
      scripts: ['/a.js', '/b.js'],
      stylesheets: ['/c.css'],
    },
    {
      name: 'several preloads, in document order, each once',
      html: `<script type="module" src="/assets/index.js"></script>
<link rel="modulepreload" href="/assets/vue.js">
<link rel="modulepreload" href="/assets/router.js">
<link rel="modulepreload" href="/assets/vue.js">
<link rel="modulepreload" href="/assets/urql.js">`,
      scripts: ['/assets/index.js', '/assets/vue.js', '/assets/router.js', '/assets/urql.js'],
      stylesheets: [],
    },
    {
      name: 'no CSS, and what the first page does not load ignored',
      html: `<script type="module" src="/assets/index.js"></script>
<script src="/classic.js"></script>
<script type="module">import '/inline.js'</script>
<link rel="icon" href="/favicon.svg"><link rel="preload" as="font" href="/f.woff2">
<!-- <link rel="stylesheet" href="/commented.css"> -->`,
      scripts: ['/assets/index.js'],
      stylesheets: [],
    },
    {
      name: 'a rel with several tokens, and a > inside a quoted value of another tag',
      html: `<meta content="a > b"><link title="a > b" rel="preload stylesheet" href="./assets/x.css">`,
      scripts: [],
      stylesheets: ['./assets/x.css'],
    },
    { name: 'nothing', html: '<!doctype html><p>hi</p>', scripts: [], stylesheets: [] },
  ])('$name', ({ html, scripts, stylesheets }) => {
    expect(parseInitialAssets(html)).toEqual({ scripts, stylesheets });
  });
});

describe('parseAttributes', () => {
  it.each([
    [' type="module" crossorigin src="/a.js"', { type: 'module', crossorigin: '', src: '/a.js' }],
    [" SRC = '/a b.js' ", { src: '/a b.js' }],
    [' rel=stylesheet href=/x.css /', { rel: 'stylesheet', href: '/x.css' }],
    [' href="/first" href="/second"', { href: '/first' }],
  ])('%j', (source, attrs) => {
    expect(parseAttributes(source)).toEqual(attrs);
  });
});

describe('assetFile', () => {
  it.each([
    ['/assets/index-Ab12Cd34.js', 'assets/index-Ab12Cd34.js'],
    ['./assets/x.css', 'assets/x.css'],
    ['assets/x.css?v=1#top', 'assets/x.css'],
    ['/assets/%E5%85%AC.js', 'assets/公.js'],
    ['https://cdn.example.com/x.js', null],
    ['//cdn.example.com/x.js', null],
    ['data:text/css,body{}', null],
    ['/../secret.js', null],
    ['/', null],
  ])('%s → %s', (url, file) => {
    expect(assetFile(url)).toBe(file);
  });
});

describe('chunkName', () => {
  it.each([
    ['ReportPage-B8OBvAZ6.js', 'ReportPage'],
    ['assets/RegionPage-CEx-SPJZ.css', 'RegionPage'],
    ['_plugin-vue_export-helper-DjSTwXPG.js', '_plugin-vue_export-helper'],
    ['NotFoundPage-1v8o9zwa.js', 'NotFoundPage'],
    ['plain.js', 'plain'],
  ])('%s → %s', (file, name) => {
    expect(chunkName(file)).toBe(name);
  });
});

describe('compressedSizes', () => {
  it('compresses repetitive text, brotli at least as well as gzip', () => {
    const s = compressedSizes(Buffer.from('const a = 1;\n'.repeat(1000)));
    expect(s.raw).toBe(13_000);
    expect(s.gzip).toBeLessThan(s.raw / 10);
    expect(s.br).toBeLessThanOrEqual(s.gzip);
  });
});

describe('wrapList', () => {
  it.each([
    { items: [], width: 20, lines: [] },
    { items: ['aaaa', 'bbbb'], width: 20, lines: ['aaaa, bbbb'] },
    { items: ['aaaa', 'bbbb', 'cccc'], width: 16, lines: ['aaaa, bbbb,', 'cccc'] },
    { items: ['a-very-long-item', 'b'], width: 8, lines: ['a-very-long-item,', 'b'] },
  ])('$items in $width', ({ items, width, lines }) => {
    expect(wrapList(items, '    ', width)).toEqual(lines);
  });
});

const audit = (score: number | null, extra: object = {}) => ({
  title: 'T',
  score,
  scoreDisplayMode: 'binary',
  ...extra,
});

const lhr = {
  environment: { benchmarkIndex: 2162.5 },
  runWarnings: ['The tested device appears to have a slower CPU than  Lighthouse expects.'],
  categories: {
    performance: {
      score: 0.934,
      auditRefs: [
        { id: 'first-contentful-paint', group: 'metrics' },
        { id: 'total-blocking-time', group: 'metrics' },
        { id: 'mainthread-work-breakdown', group: 'diagnostics' },
        { id: 'render-blocking-insight', group: 'insights' },
        { id: 'layout-shifts', group: 'hidden' },
      ],
    },
    accessibility: {
      score: 0.91,
      auditRefs: [{ id: 'color-contrast' }, { id: 'button-name' }, { id: 'aria-allowed-attr' }],
    },
    'best-practices': { score: 1, auditRefs: [{ id: 'errors-in-console' }] },
    seo: { score: null, auditRefs: [{ id: 'document-title' }] },
  },
  audits: {
    'first-contentful-paint': audit(0.96, {
      scoreDisplayMode: 'numeric',
      numericValue: 1342.4,
      metricSavings: { FCP: 100 },
    }),
    'largest-contentful-paint': audit(0.99, { scoreDisplayMode: 'numeric', numericValue: 1511 }),
    'total-blocking-time': audit(0.79, { scoreDisplayMode: 'numeric', numericValue: 287.6 }),
    'cumulative-layout-shift': audit(1, { scoreDisplayMode: 'numeric', numericValue: 0.0004 }),
    'speed-index': audit(1, { scoreDisplayMode: 'numeric', numericValue: 1342 }),
    'mainthread-work-breakdown': audit(0, {
      scoreDisplayMode: 'metricSavings',
      displayValue: '5.4 s',
      metricSavings: { TBT: 600 },
    }),
    'render-blocking-insight': audit(0.5, {
      scoreDisplayMode: 'metricSavings',
      metricSavings: { FCP: 0, LCP: 0 },
    }),
    'layout-shifts': audit(0, {
      scoreDisplayMode: 'metricSavings',
      displayValue: '2 layout shifts found',
      metricSavings: { CLS: 0.126 },
      details: {
        items: [
          { node: { selector: 'body > div#app > footer.foot' } },
          { node: { selector: 'main > h1' } },
          { node: { selector: 'body > div#app > footer.foot' } },
          { score: 0.001 },
        ],
      },
    }),
    'color-contrast': audit(0, { title: 'Background and foreground colors do not contrast' }),
    'button-name': audit(null, { scoreDisplayMode: 'notApplicable' }),
    'aria-allowed-attr': audit(1),
    'errors-in-console': audit(1),
    'document-title': audit(0, { scoreDisplayMode: 'manual' }),
  },
};

describe('summarizeLighthouse', () => {
  it('reads scores ×100, metrics, failing audits, hints and warnings', () => {
    expect(summarizeLighthouse(lhr)).toEqual({
      scores: { performance: 93, accessibility: 91, 'best-practices': 100, seo: null },
      metrics: { fcp: 1342.4, lcp: 1511, tbt: 287.6, cls: 0.0004, si: 1342 },
      failing: [
        {
          category: 'accessibility',
          id: 'color-contrast',
          title: 'Background and foreground colors do not contrast',
        },
      ],
      hints: [
        {
          id: 'mainthread-work-breakdown',
          displayValue: '5.4 s',
          savings: { TBT: 600 },
          elements: [],
        },
        {
          id: 'layout-shifts',
          displayValue: '2 layout shifts found',
          savings: { CLS: 0.126 },
          elements: ['body > div#app > footer.foot', 'main > h1'],
        },
      ],
      benchmarkIndex: 2162.5,
      warnings: ['The tested device appears to have a slower CPU than Lighthouse expects.'],
    });
  });

  it('reports a runtime error, and tolerates a result without categories', () => {
    const s = summarizeLighthouse({
      runtimeError: { code: 'NO_FCP', message: 'The page did not paint any content.' },
    });
    expect(s.error).toBe('NO_FCP: The page did not paint any content.');
    expect(s.scores).toEqual({});
    expect(s.metrics).toEqual({});
    expect(summarizeLighthouse(null).failing).toEqual([]);
  });
});

const summary = (performance: number | null, fcp = 1000): LighthouseSummary => ({
  scores: { performance, accessibility: 100, 'best-practices': 100, seo: 100 },
  metrics: { fcp, lcp: 1500, tbt: 120, cls: 0, si: 1400 },
  failing: [],
  hints: [],
  warnings: [],
});

describe('medianRun', () => {
  it.each([
    { runs: [], fcp: undefined },
    { runs: [summary(90, 1)], fcp: 1 },
    { runs: [summary(99, 1), summary(80, 2), summary(94, 3)], fcp: 3 },
    { runs: [summary(99, 1), summary(80, 2)], fcp: 2 },
    { runs: [summary(null, 1), summary(97, 2), summary(null, 3)], fcp: 2 },
    { runs: [summary(null, 1), summary(null, 2)], fcp: 1 },
  ])('$runs.length runs → the run with FCP $fcp', ({ runs, fcp }) => {
    expect(medianRun(runs)?.metrics.fcp).toBe(fcp);
  });
});

const sizes = (raw: number, gzip: number, br: number) => ({ raw, gzip, br });
const build: BuildSizes = {
  html: sizes(1200, 700, 500),
  firstPageJs: {
    ...sizes(141_400, 53_900, 48_600),
    files: [
      { file: 'assets/index-CtwpfbQs.js', name: 'index', sizes: sizes(141_000, 53_800, 48_500) },
      { file: 'assets/helper-DjSTwXPG.js', name: 'helper', sizes: sizes(400, 100, 100) },
    ],
  },
  firstPageCss: {
    ...sizes(5100, 1800, 1500),
    files: [{ file: 'assets/index-Gd2Ie4s4.css', name: 'index', sizes: sizes(5100, 1800, 1500) }],
  },
  lazy: [
    {
      file: 'assets/ReportPage-B8OBvAZ6.js',
      name: 'ReportPage',
      sizes: sizes(30_000, 10_000, 9000),
    },
    { file: 'assets/ReportPage-X1X1X1X1.css', name: 'ReportPage', sizes: sizes(4000, 1400, 1200) },
  ],
  missing: [],
  buildMs: 7600,
};

describe('formatWebBench', () => {
  it('prints sizes, aims and each page', () => {
    const result: WebBenchResult = {
      build,
      lighthouseVersion: '13.5.0',
      nodeVersion: 'v20.20.2',
      runs: 3,
      stackSeconds: 41.2,
      lighthouse: [
        {
          path: '/',
          summary: { ...summary(98), benchmarkIndex: 2162.4 },
          performanceRuns: [97, 98, 99],
          errors: [],
          seconds: 20.2,
        },
        {
          path: '/reports/310000-n3nssyzfqa-2024',
          summary: {
            ...summary(80),
            scores: { performance: 80, accessibility: 91, 'best-practices': 100, seo: 100 },
            metrics: { fcp: 1643.4, lcp: 2822, tbt: 530, cls: 0.1256, si: 3918 },
            failing: [{ category: 'accessibility', id: 'color-contrast', title: 'Contrast' }],
            hints: [
              {
                id: 'mainthread-work-breakdown',
                displayValue: '5.4 s',
                savings: { TBT: 600 },
                elements: [],
              },
              {
                id: 'layout-shifts',
                displayValue: '1 layout shift found',
                savings: { CLS: 0.1256 },
                elements: ['body > div#app > footer.foot'],
              },
            ],
          },
          performanceRuns: [80],
          errors: ['lighthouse exited with 1: boom', 'NO_FCP: no paint'],
          seconds: 29,
        },
        { path: '/x', performanceRuns: [], errors: ['lighthouse exited with 1'], seconds: 3 },
      ],
    };
    expect(formatWebBench(result)).toBe(
      `web benchmark: production build (vite, 7.6 s), served by npm start's server; kB = 1000 bytes, gzip -9, brotli q11
  first page JS     141.4 kB raw,  53.9 kB gzip,  48.6 kB br   (aim ≤ 80.0 kB gzip: met)
                   index 53.8 kB, helper 0.1 kB
  first page CSS      5.1 kB raw,   1.8 kB gzip,   1.5 kB br
  index.html          1.2 kB raw,   0.7 kB gzip,   0.5 kB br
  loaded on demand ReportPage 10.0 kB, ReportPage.css 1.4 kB
                   (gzip; a page's chunks load when it is first opened)
  lighthouse 13.5.0 (node v20.20.2), mobile, simulated throttling, 3 runs a page; stack up in 41 s; aims: performance ≥ 95, accessibility 100
    /                                performance 98  accessibility 100  best-practices 100  seo 100
                                     FCP 1000 ms  LCP 1500 ms  TBT 120 ms  CLS 0.000  SI 1400 ms
                                     (performance of 3 runs: 97, 98, 99; median run; 20 s a run, CPU benchmark index 2162)
    /reports/310000-n3nssyzfqa-2024  performance 80  accessibility 91  best-practices 100  seo 100   aim missed: performance, accessibility
                                     FCP 1643 ms  LCP 2822 ms  TBT 530 ms  CLS 0.126  SI 3918 ms
                                     (median run; 29 s a run)
                                     2 failed runs: lighthouse exited with 1: boom; NO_FCP: no paint
                                     failing accessibility: color-contrast (Contrast)
                                     hint: mainthread-work-breakdown 5.4 s (saves TBT 600 ms)
                                     hint: layout-shifts 1 layout shift found (saves CLS 0.126): body > div#app > footer.foot
    /x                               failed: lighthouse exited with 1
`,
    );
  });

  it('says when the first page JS misses its aim, and prints no lighthouse block without runs', () => {
    const heavy = { ...build, firstPageJs: { ...build.firstPageJs, gzip: 80_001 }, lazy: [] };
    const text = formatWebBench({
      build: heavy,
      lighthouse: [],
      lighthouseVersion: '13.5.0',
      nodeVersion: 'v20.20.2',
      runs: 0,
      stackSeconds: 0,
    });
    expect(text).toContain('(aim ≤ 80.0 kB gzip: MISSED)');
    expect(text).toContain('  loaded on demand none\n');
    expect(text).not.toContain('lighthouse');
  });
});
