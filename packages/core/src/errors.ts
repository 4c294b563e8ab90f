/**
 * Expected failures of the data layer, each with a stable code the API turns into a typed error.
 * Anything else is unexpected and must be masked before it reaches a client.
 */
export type CoreErrorCode = 'not-found' | 'invalid-input' | 'conflict' | 'forbidden';

export class CoreError extends Error {
  constructor(
    readonly code: CoreErrorCode,
    message: string,
    readonly details: { field?: string; message: string }[] = [],
  ) {
    super(message);
    this.name = 'CoreError';
  }
}

export const notFound = (what: string) => new CoreError('not-found', `${what} was not found`);

export function isCoreError(error: unknown): error is CoreError {
  return error instanceof CoreError;
}
