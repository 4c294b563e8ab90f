/** SQS events carrying S3 event notifications, shaped as AWS delivers them to a Lambda. */
import { randomUUID } from 'node:crypto';

const REGION = 'ap-east-1';
const QUEUE_ARN = `arn:aws:sqs:${REGION}:123456789012:gongkai-raw-reports`;

/** How S3 writes a key into a notification: form-style URL encoding, `/` kept. */
export function notificationKey(key: string): string {
  return key
    .split('/')
    .map((segment) => encodeURIComponent(segment).replace(/%20/g, '+'))
    .join('/');
}

export interface UploadInit {
  bucket: string;
  key: string;
  /** What the notification announces; left out when undefined. */
  size?: number;
  eventName?: string;
}

/** The body S3 sends for one event: `{ Records: [one record] }`. */
export function s3Notification(init: UploadInit): string {
  const now = new Date().toISOString();
  return JSON.stringify({
    Records: [
      {
        eventVersion: '2.1',
        eventSource: 'aws:s3',
        awsRegion: REGION,
        eventTime: now,
        eventName: init.eventName ?? 'ObjectCreated:Put',
        userIdentity: { principalId: 'AWS:AIDAEXAMPLE' },
        requestParameters: { sourceIPAddress: '203.0.113.7' },
        responseElements: { 'x-amz-request-id': 'C3D13FE58DE4C810', 'x-amz-id-2': 'FMyUVURIY8' },
        s3: {
          s3SchemaVersion: '1.0',
          configurationId: 'raw-reports-uploaded',
          bucket: {
            name: init.bucket,
            ownerIdentity: { principalId: 'A3NL1KOZZKExample' },
            arn: `arn:aws:s3:::${init.bucket}`,
          },
          object: {
            key: notificationKey(init.key),
            ...(init.size !== undefined ? { size: init.size } : {}),
            eTag: 'd41d8cd98f00b204e9800998ecf8427e',
            sequencer: '0055AED6DCD90281E5',
          },
        },
      },
    ],
  });
}

/** What S3 sends once when the bucket's notification to the queue is configured. */
export function s3TestEvent(bucket: string): string {
  return JSON.stringify({
    Service: 'Amazon S3',
    Event: 's3:TestEvent',
    Time: new Date().toISOString(),
    Bucket: bucket,
    RequestId: '5582815E1AEA5ADF',
    HostId: '8cLeGAmw098X5cv4Zkwcmo8vvZa3eH3eKxsPzbB9wrR+YstdA6Knx4Ip8EXAMPLE',
  });
}

export function sqsRecord(body: string, messageId: string = randomUUID(), receiveCount = 1) {
  const sent = Date.now();
  return {
    messageId,
    receiptHandle: `AQEB${Buffer.from(messageId).toString('base64')}`,
    body,
    attributes: {
      ApproximateReceiveCount: String(receiveCount),
      SentTimestamp: String(sent),
      SenderId: 'AIDAEXAMPLE',
      ApproximateFirstReceiveTimestamp: String(sent + 10),
    },
    messageAttributes: {},
    md5OfBody: 'e4e68fb7bd0e697a0ae8f1bb342846b3',
    eventSource: 'aws:sqs',
    eventSourceARN: QUEUE_ARN,
    awsRegion: REGION,
  };
}

export type SqsRecord = ReturnType<typeof sqsRecord>;

export function sqsEvent(records: SqsRecord[]) {
  return { Records: records };
}
