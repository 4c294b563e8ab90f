/**
 * Whether a write lost to a condition: a conditional put or update, or a transaction DynamoDB
 * cancelled. ElectroDB wraps the SDK's errors, so the message is what is left to read.
 */
export function isConditionFailure(error: unknown): boolean {
  const text = String((error as { message?: string })?.message ?? error);
  return /TransactionCanceled|ConditionalCheckFailed|conditional request failed|transaction.*cancel/i.test(
    text,
  );
}
