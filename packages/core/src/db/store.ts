/** The data layer's handle: one ElectroDB service over the single table, on one client. */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { Entity, Service } from 'electrodb';
import { createDynamoClient, type RequestMeter } from './client.ts';
import type { DbConfig } from './config.ts';
import { agencyAliasSchema, agencySchema } from './entities/agency.ts';
import { correctionSchema } from './entities/correction.ts';
import { reportFindingSchema } from './entities/finding.ts';
import { rateCounterSchema } from './entities/rate-counter.ts';
import {
  reportSchema,
  reportVersionSchema,
  sourceSchema,
  sourceTextSchema,
} from './entities/report.ts';
import { indicatorValueSchema, valueHistorySchema } from './entities/value.ts';

// Entities are built per store: ElectroDB binds client and table into the instance.
function createService(client: DynamoDBDocumentClient, table: string) {
  const config = { client, table };
  return new Service(
    {
      agency: new Entity(agencySchema, config),
      alias: new Entity(agencyAliasSchema, config),
      report: new Entity(reportSchema, config),
      version: new Entity(reportVersionSchema, config),
      source: new Entity(sourceSchema, config),
      text: new Entity(sourceTextSchema, config),
      value: new Entity(indicatorValueSchema, config),
      history: new Entity(valueHistorySchema, config),
      finding: new Entity(reportFindingSchema, config),
      correction: new Entity(correctionSchema, config),
      rateCounter: new Entity(rateCounterSchema, config),
    },
    config,
  );
}

export type GongkaiService = ReturnType<typeof createService>;
export type Entities = GongkaiService['entities'];

export interface Store {
  config: DbConfig;
  client: DynamoDBDocumentClient;
  db: GongkaiService;
  meter?: RequestMeter;
  close(): void;
}

export function openStore(config: DbConfig, meter?: RequestMeter): Store {
  const client = createDynamoClient(config, meter);
  return {
    config,
    client,
    db: createService(client, config.tableName),
    meter,
    close: () => client.destroy(),
  };
}
