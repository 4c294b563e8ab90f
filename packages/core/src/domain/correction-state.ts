/** The life of a proposed correction: submitted by one person, reviewed by another. */

export type CorrectionStatus = 'pending' | 'accepted' | 'rejected';

export interface CorrectionState {
  status: CorrectionStatus;
  submitter: string;
  /** The current reading the proposal replaces. */
  basis: number | null;
}

export type ReviewDecision = 'accept' | 'reject';

export interface ReviewInput {
  decision: ReviewDecision;
  reviewer: string;
  /** Other identities of the reviewer (e.g. the address they submit from anonymously). */
  reviewerAliases?: readonly string[];
  reason: string;
  currentValue: number | null;
  /** ISO timestamp of the review, passed in to keep this pure. */
  now: string;
}

export type ReviewResult =
  | { ok: true; status: 'accepted' | 'rejected'; reviewedAt: string }
  | {
      ok: false;
      error: 'not-pending' | 'self-review' | 'reason-required' | 'stale';
      message: string;
    };

export const MAX_REASON = 1000;
export const MAX_EVIDENCE = 2000;
export const MIN_EVIDENCE = 5;
export const MAX_CONTACT = 200;
export const MAX_ABS_VALUE = 1e12;

export function reviewTransition(c: CorrectionState, input: ReviewInput): ReviewResult {
  if (c.status !== 'pending') {
    return { ok: false, error: 'not-pending', message: `The correction is already ${c.status}.` };
  }
  const submitter = c.submitter.trim();
  if ([input.reviewer, ...(input.reviewerAliases ?? [])].some((id) => id.trim() === submitter)) {
    return {
      ok: false,
      error: 'self-review',
      message: 'A correction must be reviewed by someone else.',
    };
  }
  const reason = input.reason.trim();
  if (reason.length === 0) {
    return { ok: false, error: 'reason-required', message: 'A reason is required.' };
  }
  if ([...reason].length > MAX_REASON) {
    return {
      ok: false,
      error: 'reason-required',
      message: `The reason is longer than ${MAX_REASON} characters.`,
    };
  }
  // Accepting over a value that moved since the proposal would silently undo someone's change.
  if (input.decision === 'accept' && input.currentValue !== c.basis) {
    return {
      ok: false,
      error: 'stale',
      message: 'The value changed since the correction was proposed; it must be proposed again.',
    };
  }
  return {
    ok: true,
    status: input.decision === 'accept' ? 'accepted' : 'rejected',
    reviewedAt: input.now,
  };
}

export interface SubmissionError {
  field: 'value' | 'evidence' | 'contact';
  message: string;
}

export type SubmissionResult =
  | { ok: true; value: number | null; evidence: string; contact: string | null }
  | { ok: false; errors: SubmissionError[] };

// Newline and tab are allowed in free text; other control characters are never typed by people.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching them is the point
const CONTROL_EXCEPT_NL_TAB = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/u;
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching them is the point
const CONTROL = /[\u0000-\u001F\u007F-\u009F]/u;

/** Checks a proposed correction as it arrives from outside (values are untrusted). */
export function validateSubmission(input: {
  value: unknown;
  evidence: unknown;
  contact?: unknown;
}): SubmissionResult {
  const errors: SubmissionError[] = [];

  let value: number | null = null;
  if (input.value === null) {
    value = null;
  } else if (typeof input.value !== 'number' || !Number.isFinite(input.value)) {
    errors.push({
      field: 'value',
      message: 'The value must be a finite number, or null for a blank.',
    });
  } else if (Math.abs(input.value) > MAX_ABS_VALUE) {
    errors.push({ field: 'value', message: 'The value is too large.' });
  } else {
    // Some codes may be negative (e.g. a year-on-year change), so the sign is not checked here.
    value = input.value === 0 ? 0 : input.value;
  }

  let evidence = '';
  if (typeof input.evidence !== 'string') {
    errors.push({ field: 'evidence', message: 'Evidence is required.' });
  } else {
    // Browsers send CRLF from text areas; it is a newline.
    evidence = input.evidence.replace(/\r\n?/g, '\n').trim();
    const length = [...evidence].length;
    if (length < MIN_EVIDENCE) {
      errors.push({
        field: 'evidence',
        message: `Evidence must be at least ${MIN_EVIDENCE} characters.`,
      });
    } else if (length > MAX_EVIDENCE) {
      errors.push({
        field: 'evidence',
        message: `Evidence must be at most ${MAX_EVIDENCE} characters.`,
      });
    } else if (CONTROL_EXCEPT_NL_TAB.test(evidence)) {
      errors.push({ field: 'evidence', message: 'Evidence contains control characters.' });
    }
  }

  let contact: string | null = null;
  if (input.contact !== undefined && input.contact !== null) {
    if (typeof input.contact !== 'string') {
      errors.push({ field: 'contact', message: 'Contact must be text.' });
    } else {
      const c = input.contact.trim();
      if ([...c].length > MAX_CONTACT) {
        errors.push({
          field: 'contact',
          message: `Contact must be at most ${MAX_CONTACT} characters.`,
        });
      } else if (CONTROL.test(c)) {
        errors.push({ field: 'contact', message: 'Contact contains control characters.' });
      } else {
        contact = c === '' ? null : c;
      }
    }
  }

  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, value, evidence, contact };
}
