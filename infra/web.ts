/**
 * The Vue app as static files on S3, served by the Router at `/`. Vite bakes the API URL into the
 * bundle at build time, so SST builds the app during deploy with that URL in its environment.
 * Unknown paths get index.html (SST's default), so the app's own routes work on reload.
 */
export function web(deps: { router: sst.aws.Router; api: sst.aws.Function }) {
  const { router, api } = deps;
  const site = new sst.aws.StaticSite('Web', {
    path: 'packages/web',
    build: { command: 'npm run build', output: 'dist' },
    environment: { VITE_GONGKAI_API_URL: api.url },
    // SST writes Vite env types for `environment`, by default into src/; the app declares its
    // own (src/env.d.ts), so SST's copy goes to the ignored .sst/ where nothing compiles it.
    vite: { types: '../../.sst/web-env.d.ts' },
    router: { instance: router },
  });
  return { site };
}
