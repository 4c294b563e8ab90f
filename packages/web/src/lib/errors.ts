/** What a person is told when a request fails: never the server's internals, always what to do. */
import type { CombinedError } from '@urql/core';

export function errorMessage(error: CombinedError | null): string {
  if (!error) return '出错了，请稍后重试。';
  if (error.networkError) {
    if (typeof navigator !== 'undefined' && navigator.onLine === false)
      return '网络已断开，请联网后重试。';
    return '无法连接服务器，请稍后重试。';
  }
  const code = error.graphQLErrors[0]?.extensions?.code;
  if (code === 'BAD_USER_INPUT') return '请求的参数无效，请检查链接或输入。';
  return '服务器处理请求时出错，请稍后重试。';
}
