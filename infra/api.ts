/**
 * The GraphQL API: one Lambda behind a Function URL, served through the Router at /graphql.
 *
 * A Function URL rather than API Gateway: the yoga handler already does routing, body limits,
 * CSRF checks and query cost limits, so a gateway would only add a per-request charge and a
 * 30-second cap; CloudFront in front gives TLS, compression and a custom domain. The Router
 * forwards every viewer header but Host (so moderators' Authorization reaches the API) and caches
 * nothing the API does not mark cacheable (its default TTL is 0).
 */

// As in packages/functions/src/yoga.ts (not imported: it would pull the API into the SST config).
const GRAPHQL_PATH = '/graphql';
const CSRF_HEADER = 'x-gongkai-csrf';

export function api(deps: {
  table: sst.aws.Dynamo;
  router: sst.aws.Router;
  moderatorSecret: sst.Secret;
}) {
  const { table, router, moderatorSecret } = deps;
  const fn = new sst.aws.Function('Api', {
    handler: 'packages/functions/src/lambda.handler',
    runtime: 'nodejs22.x',
    // The bundle is pure JavaScript, and Graviton is ~20 % cheaper per GB-second.
    architecture: 'arm64',
    // Lambda's CPU grows with memory; 1 GB keeps the cold import of the ~2.7 MB bundle short.
    memory: '1024 MB',
    // Every request is a bounded number of DynamoDB round trips; CloudFront gives up at 20 s.
    timeout: '10 seconds',
    link: [table],
    environment: {
      GONGKAI_TABLE: table.name,
      GONGKAI_MODERATOR_SECRET: moderatorSecret.value,
      // Corrections one address may submit per window (the API's defaults, stated where they deploy).
      GONGKAI_SUBMIT_LIMIT: '20',
      GONGKAI_SUBMIT_WINDOW: '3600',
    },
    url: {
      router: { instance: router, path: GRAPHQL_PATH },
      // The app is same-origin; these allow only it (and Vite's dev server under `sst dev`).
      cors: {
        allowOrigins: $dev ? [router.url, 'http://localhost:5173'] : [router.url],
        allowMethods: ['GET', 'POST'],
        allowHeaders: ['content-type', 'authorization', CSRF_HEADER],
        maxAge: '1 hour',
      },
    },
  });
  return { api: fn };
}
