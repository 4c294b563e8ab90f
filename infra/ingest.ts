/**
 * Ingest: reports uploaded to the bucket notify a queue, and the queue feeds the ingest Lambda in
 * batches. The queue absorbs a national upload (tens of thousands of files at once), retries what
 * failed, and keeps what keeps failing in a dead-letter queue for a person to look at.
 */

// A batch of ten reports takes seconds; the margin is for large sources and a slow table.
const FUNCTION_TIMEOUT = '2 minutes';
// AWS's rule for Lambda consumers: at least six times the function timeout plus the batching
// window, so a message is not handed out again while a slow batch still holds it.
const VISIBILITY_TIMEOUT = '15 minutes';
// Receives before a message moves to the dead-letter queue; a few, so throttling recovers.
const MAX_RECEIVES = 5;

export function ingest(deps: { table: sst.aws.Dynamo }) {
  const { table } = deps;
  // Raw reports, as published. Only the ingest Lambda and maintainers read them: no browser CORS.
  const bucket = new sst.aws.Bucket('Reports', { cors: false });

  const deadLetters = new sst.aws.Queue('IngestDeadLetters', {
    // SQS's longest retention: two weeks to notice, fix and redrive.
    transform: { queue: { messageRetentionSeconds: 14 * 24 * 3600 } },
  });
  const queue = new sst.aws.Queue('IngestQueue', {
    visibilityTimeout: VISIBILITY_TIMEOUT,
    dlq: { queue: deadLetters.arn, retry: MAX_RECEIVES },
  });

  bucket.notify({
    notifications: [{ name: 'IngestUploads', queue, events: ['s3:ObjectCreated:*'] }],
  });

  queue.subscribe(
    {
      handler: 'packages/functions/src/ingest-lambda.handler',
      runtime: 'nodejs22.x',
      architecture: 'arm64',
      memory: '1024 MB',
      timeout: FUNCTION_TIMEOUT,
      link: [table, bucket],
      environment: { GONGKAI_TABLE: table.name },
    },
    {
      // Failed reports come back in `batchItemFailures`; only they are retried.
      batch: { size: 10, window: '10 seconds', partialResponses: true },
      transform: {
        // A bulk upload must not out-write the on-demand table's warm capacity all at once.
        eventSourceMapping: { scalingConfig: { maximumConcurrency: 10 } },
      },
    },
  );

  return { bucket, queue, deadLetters };
}
