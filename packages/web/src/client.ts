/** The one GraphQL client: the API's CSRF header on every request, the moderator token if any. */
import { Client, cacheExchange, fetchExchange } from '@urql/core';
import { moderatorToken } from './lib/moderator.ts';

export const API_URL = import.meta.env.VITE_GONGKAI_API_URL || '/graphql';

export function createGongkaiClient(url: string = API_URL): Client {
  return new Client({
    url,
    exchanges: [cacheExchange, fetchExchange],
    fetchOptions: () => {
      const headers: Record<string, string> = { 'x-gongkai-csrf': '1' };
      if (moderatorToken.value) headers.authorization = `Bearer ${moderatorToken.value}`;
      return { headers };
    },
  });
}
