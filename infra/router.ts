/**
 * One CloudFront distribution in front of everything: the web app at `/` and the GraphQL API at
 * `/graphql`. The app then calls its own origin, so the API URL is known before either is built
 * (no cycle between the site's build-time API URL and the API's CORS origin), and browsers send
 * no CORS preflight. A custom domain goes here (`domain: 'example.org'`).
 */
export function router() {
  return { router: new sst.aws.Router('Router') };
}
