/**
 * The AWS Lambda transport (API Gateway HTTP API v2 and Function URL events). Dependencies are
 * built once per container, so the search snapshot and the DynamoDB client are reused.
 */
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2, Context } from 'aws-lambda';
import { encodeAnswer } from './content-encoding.ts';
import { depsFromEnv } from './deps.ts';
import { viewerAddress } from './viewer-address.ts';
import { type Api, createApi, MAX_BODY_BYTES, tooLarge } from './yoga.ts';

let api: Api | null = null;

function instance(): Api {
  api ??= createApi({
    deps: depsFromEnv(),
    graphiql: false,
    clientAddress: (ctx) => viewerAddress(ctx.event as APIGatewayProxyEventV2 | undefined),
  });
  return api;
}

export async function handler(
  event: APIGatewayProxyEventV2,
  lambdaContext: Context,
): Promise<APIGatewayProxyResultV2> {
  const method = event.requestContext.http.method;
  const query = event.rawQueryString ? `?${event.rawQueryString}` : '';
  const url = `https://${event.requestContext.domainName}${event.rawPath}${query}`;
  const headers = new Headers();
  for (const [name, value] of Object.entries(event.headers ?? {})) {
    if (value != null) headers.set(name, value);
  }
  if (event.cookies?.length) headers.set('cookie', event.cookies.join('; '));
  const body =
    event.body == null || method === 'GET' || method === 'HEAD'
      ? undefined
      : event.isBase64Encoded
        ? Buffer.from(event.body, 'base64')
        : event.body;
  const size =
    body === undefined ? 0 : typeof body === 'string' ? Buffer.byteLength(body) : body.length;
  const response =
    size > MAX_BODY_BYTES
      ? tooLarge({ Response }, MAX_BODY_BYTES)
      : await instance().fetch(url, { method, headers, body }, { event, lambdaContext });
  const out: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    out[name.toLowerCase()] = value;
  });
  // Function URLs and HTTP APIs pass the body through as is: compressing is ours to do.
  const bytes = Buffer.from(await response.arrayBuffer());
  const { encoding, body: encoded } = encodeAnswer(
    bytes,
    headers.get('accept-encoding') ?? undefined,
  );
  out.vary = 'accept-encoding';
  if (encoding === 'identity') {
    return {
      statusCode: response.status,
      headers: out,
      body: bytes.toString('utf8'),
      isBase64Encoded: false,
    };
  }
  out['content-encoding'] = encoding;
  delete out['content-length'];
  return {
    statusCode: response.status,
    headers: out,
    body: encoded.toString('base64'),
    isBase64Encoded: true,
  };
}
