/** Where the data lives, from the environment, so the same code runs on DynamoDB Local and on AWS. */
export interface DbConfig {
  /** Unset on AWS (the SDK finds the regional endpoint); `http://127.0.0.1:PORT` locally. */
  endpoint?: string;
  region: string;
  tableName: string;
}

export const DEFAULT_TABLE = 'gongkai';

export function dbConfigFromEnv(env: NodeJS.ProcessEnv = process.env): DbConfig {
  const endpoint = env.DYNAMODB_ENDPOINT?.trim() || undefined;
  return {
    endpoint,
    region:
      env.AWS_REGION?.trim() ||
      env.AWS_DEFAULT_REGION?.trim() ||
      (endpoint ? 'local' : 'us-east-1'),
    tableName: env.GONGKAI_TABLE?.trim() || DEFAULT_TABLE,
  };
}
