/**
 * The one yoga instance behind every transport. Limits apply before any resolver runs: body size,
 * parser tokens, CSRF; query cost and page sizes are checked by the schema.
 */
import { createHmac } from 'node:crypto';
import { maxTokensPlugin } from '@escape.tech/graphql-armor-max-tokens';
import { useCSRFPrevention } from '@graphql-yoga/plugin-csrf-prevention';
import { createGraphQLError, createYoga, type Plugin, type YogaServerInstance } from 'graphql-yoga';
import { bearerToken, verifyModeratorToken } from './auth.ts';
import { type ApiContext, type ApiDeps, requestContext } from './context.ts';
import { maskError } from './errors.ts';
import { schema } from './schema.ts';

export const GRAPHQL_PATH = '/graphql';
/** Requests above this are refused unread: a correction with its evidence is a few KB. */
export const MAX_BODY_BYTES = 64 * 1024;
export const MAX_TOKENS = 2000;
/** Clients send this header on GET and form requests (browsers cannot add it cross-site). */
export const CSRF_HEADER = 'x-gongkai-csrf';

export interface ApiOptions {
  deps: ApiDeps;
  /** Where masked errors are logged with their reference. */
  log?: (line: string) => void;
  graphiql?: boolean;
  /** The caller's network address, from the transport's server context. */
  clientAddress?: (serverContext: Record<string, unknown>) => string | undefined;
}

export type Api = YogaServerInstance<Record<string, unknown>, ApiContext>;

export function createApi(options: ApiOptions): Api {
  const log = options.log ?? ((line: string) => console.error(line));
  return createYoga<Record<string, unknown>, ApiContext>({
    schema,
    graphqlEndpoint: GRAPHQL_PATH,
    graphiql: options.graphiql ? { title: 'Gongkai GraphQL' } : false,
    landingPage: false,
    // yoga's default answers any origin. The web app calls its own origin (the local server, or
    // the Router on AWS, whose Function URL lists the one allowed origin), so no CORS here.
    cors: false,
    maskedErrors: { maskError: (error) => maskError(error, log) },
    logging: false,
    plugins: [
      bodyLimit(MAX_BODY_BYTES),
      requestParseErrors(),
      useCSRFPrevention({ requestHeaders: [CSRF_HEADER] }),
      maxTokensPlugin({ n: MAX_TOKENS }),
    ],
    context: async ({ request, ...serverContext }) => {
      const now = options.deps.now();
      const token = bearerToken(request.headers.get('authorization'));
      const check = token
        ? await verifyModeratorToken(options.deps.moderatorSecret, token, now)
        : null;
      const address = options.clientAddress?.(serverContext) ?? 'unknown';
      return requestContext(options.deps, {
        client: clientId(options.deps.moderatorSecret, address),
        moderator: check?.ok ? { id: check.moderator } : null,
        authProblem: check && !check.ok ? check.problem : null,
      });
    },
  });
}

/** Addresses are never stored: a keyed hash of them names the caller. */
function clientId(key: Uint8Array | null, address: string): string {
  return createHmac('sha256', key ?? new TextEncoder().encode('gongkai-client'))
    .update(address)
    .digest('base64url')
    .slice(0, 22);
}

/** Refuses bodies over the limit by their declared length; transports cap undeclared ones. */
function bodyLimit(max: number): Plugin {
  return {
    onRequest({ request, endResponse, fetchAPI }) {
      const declared = Number(request.headers.get('content-length') ?? '0');
      if (declared > max) {
        endResponse(tooLarge(fetchAPI, max));
      }
    },
  };
}

/**
 * Request-parsing failures are the client's: yoga's GET and form parsers let JSON.parse's
 * SyntaxError out of `variables` / `extensions` (masked as an unexpected error, status 200), and
 * an unsupported content type gets an empty 415. Both become a 4xx with a GraphQL error.
 */
function requestParseErrors(): Plugin {
  const badRequest = (message: string, status: number) =>
    createGraphQLError(message, { extensions: { http: { status }, code: 'BAD_REQUEST' } });
  return {
    onRequestParse({ request, requestParser, setRequestParser }) {
      if (!requestParser) {
        const type = request.headers.get('content-type') ?? 'none';
        setRequestParser(() => {
          throw badRequest(
            `Unsupported content-type (${type.slice(0, 100)}): send application/json.`,
            415,
          );
        });
        return;
      }
      setRequestParser(async (req) => {
        try {
          return await requestParser(req);
        } catch (error) {
          if (error instanceof SyntaxError) {
            throw badRequest('The variables and extensions parameters must be JSON objects.', 400);
          }
          throw error;
        }
      });
    },
  };
}

export function tooLarge(fetchAPI: { Response: typeof Response }, max: number): Response {
  return new fetchAPI.Response(
    JSON.stringify({
      errors: [
        {
          message: `Request body is larger than ${max} bytes.`,
          extensions: { code: 'PAYLOAD_TOO_LARGE' },
        },
      ],
    }),
    { status: 413, headers: { 'content-type': 'application/json; charset=utf-8' } },
  );
}
