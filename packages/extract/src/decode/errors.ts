/** Why an input could not be turned into report text. */
export type ExtractErrorCode = 'empty' | 'binary' | 'too-large' | 'unreadable' | 'not-a-report';

/** Largest input, in bytes (or UTF-16 code units for string input), that extraction accepts. */
export const MAX_INPUT_BYTES = 16 * 1024 * 1024;

const MESSAGES: Record<ExtractErrorCode, string> = {
  empty: 'The input is empty or contains only whitespace.',
  binary:
    'The input is a binary file (such as a PDF, image, Word document or archive), not text or HTML.',
  'too-large': `The input is larger than the ${MAX_INPUT_BYTES / (1024 * 1024)} MiB limit.`,
  unreadable:
    'The input could not be decoded as text: it is neither valid UTF-8, UTF-16 nor GB18030/GBK.',
  'not-a-report': 'The input does not look like a government information-disclosure annual report.',
};

/** An input that extraction refuses, with a machine-readable `code` and a readable message. */
export class ExtractError extends Error {
  override readonly name = 'ExtractError';
  readonly code: ExtractErrorCode;

  constructor(code: ExtractErrorCode, detail?: string) {
    super(detail ? `${MESSAGES[code]} ${detail}` : MESSAGES[code]);
    this.code = code;
  }
}

/** Whether `e` is an {@link ExtractError}, optionally with the given code. */
export function isExtractError(e: unknown, code?: ExtractErrorCode): e is ExtractError {
  return e instanceof ExtractError && (code === undefined || e.code === code);
}
