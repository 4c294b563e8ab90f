/// <reference path="./.sst/platform/config.d.ts" />

/**
 * Gongkai on AWS: a DynamoDB table, the GraphQL Lambda and the web app behind one CloudFront
 * Router, and S3 → SQS → Lambda ingest. Deploying, ingesting and costs: docs/deploy.md.
 */
export default $config({
  app(input) {
    const production = input?.stage === 'production';
    return {
      name: 'gongkai',
      home: 'aws',
      // Production keeps its data when removed and refuses to be removed by accident.
      removal: production ? 'retain' : 'remove',
      protect: production,
    };
  },
  async run() {
    // SST refuses top-level imports in this file: infra/ is imported where it is used.
    const { storage } = await import('./infra/storage.ts');
    const { router } = await import('./infra/router.ts');
    const { api } = await import('./infra/api.ts');
    const { ingest } = await import('./infra/ingest.ts');
    const { web } = await import('./infra/web.ts');

    const production = $app.stage === 'production';
    // Signs moderator tokens: `npx sst secret set ModeratorSecret …` before the first deploy.
    const moderatorSecret = new sst.Secret('ModeratorSecret');
    const { table } = storage(production);
    const front = router();
    const graphql = api({ table, router: front.router, moderatorSecret });
    const uploads = ingest({ table });
    const app = web({ router: front.router, api: graphql.api });

    return {
      api: graphql.api.url,
      web: app.site.url,
      bucket: uploads.bucket.name,
      table: table.name,
      deadLetterQueue: uploads.deadLetters.url,
    };
  },
});
