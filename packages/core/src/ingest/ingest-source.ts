/**
 * Stores one source file. Idempotent and crash-safe:
 * 1. the content hash decides: a source already stored is `unchanged`;
 * 2. the new version's values, findings and text are written into their own partition (staged,
 *    invisible: the report still points at its current version);
 * 3. one transaction makes the version current (report, version, source, agency);
 * 4. old partitions are cleared and the next year's cross-report findings recomputed, with both
 *    jobs recorded on the report so that a later run finishes them after a crash.
 * A crash before 3 leaves only a staged partition, which the next run of the same file rewrites.
 */
import { createHash, randomUUID } from 'node:crypto';
import {
  type ExtractDetails,
  extractDetailed,
  isExtractError,
  regionLevel,
  regionPath,
} from '@gongkai/extract';
import { batchWrite, clearPartition, putRequests } from '../db/batch.ts';
import { isConditionFailure } from '../db/conditions.ts';
import { changeBucket } from '../db/entities/common.ts';
import type { Store } from '../db/store.ts';
import {
  agencyLevel,
  isGovernmentReport,
  agencyId as makeAgencyId,
  normalizeAgencyName,
  pinyinKeys,
} from '../domain/agency-identity.ts';
import { crossReportFindings, type ReportFacts } from '../domain/cross-findings.ts';
import { reportMetrics } from '../domain/metrics.ts';
import { sourceChangeFinding } from '../domain/source-change.ts';
import { carryReadings } from '../domain/value-carry.ts';
import { loadReportRecord, loadValues, type ReportRecord, type StoredValue } from './read.ts';
import {
  findingRecords,
  parseReportId,
  type ReportKey,
  reportIdOf,
  textChunks,
  valueRecords,
} from './records.ts';

export interface SourceFile {
  bytes: Uint8Array;
  fileName?: string;
  sourceUrl?: string;
}

export type IngestOutcome =
  | {
      status: 'ingested' | 'new-version' | 'unchanged';
      fileName?: string;
      reportId: string;
      version: number;
    }
  | { status: 'failed'; fileName?: string; reason: string };

export interface IngestOptions {
  now?: () => Date;
  /** Test hook: runs after staging, before the version becomes current (a crash there). */
  afterStage?: () => void | Promise<void>;
}

const UNKNOWN_REGION = '000000';
const MAX_ATTEMPTS = 10;

export async function ingestSource(
  store: Store,
  file: SourceFile,
  options: IngestOptions = {},
): Promise<IngestOutcome> {
  const now = () => (options.now ?? (() => new Date()))().toISOString();
  const sourceHash = createHash('sha256').update(file.bytes).digest('hex');
  // This run's mark on the bytes it stages (see claimSource).
  const claim = randomUUID();
  const { db } = store;

  let details: ExtractDetails | undefined;
  for (let attempt = 1; ; attempt++) {
    const known = (await db.entities.source.get({ sourceHash }).go()).data;
    if (known?.status === 'complete') {
      await finishPending(store, known.reportId, now);
      await discardLostStaging(store, known.reportId, sourceHash, known.version);
      return {
        status: 'unchanged',
        fileName: file.fileName,
        reportId: known.reportId,
        version: known.version,
      };
    }
    if (!details) {
      try {
        details = extractDetailed(file.bytes);
      } catch (error) {
        // A bad file is that file's failure, never the whole run's.
        const reason = isExtractError(error)
          ? error.message
          : `extraction failed: ${String((error as Error)?.message ?? error)}`;
        return { status: 'failed', fileName: file.fileName, reason };
      }
    }
    const { report } = details;
    if (report.year === null)
      return {
        status: 'failed',
        fileName: file.fileName,
        reason: 'no report year found in the text',
      };
    if (!report.agency.name)
      return {
        status: 'failed',
        fileName: file.fileName,
        reason: 'no agency name found in the text',
      };
    try {
      return await stageAndCommit(store, file, details, { sourceHash, claim }, now, options);
    } catch (error) {
      // Another writer committed this report or a neighbour year meanwhile: re-read and redo.
      if (error instanceof ClaimConflict && attempt >= MAX_ATTEMPTS)
        throw new SourceClaimedError(file.fileName);
      if (!(error instanceof CommitConflict) || attempt >= MAX_ATTEMPTS) throw error;
      // Jittered backoff, so that writers racing for one agency stop colliding.
      await new Promise((r) => setTimeout(r, Math.random() * 20 * 2 ** Math.min(attempt, 6)));
    }
  }
}

/** The flip transaction lost a race with another writer; the whole plan is re-read and redone. */
class CommitConflict extends Error {}

/** Another run holds a live claim on the same bytes. */
class ClaimConflict extends CommitConflict {}

/**
 * The same bytes are being ingested by another run, or were by one that stopped within the
 * claim lease. Nothing was written; trying again later completes or finds them.
 */
export class SourceClaimedError extends Error {
  constructor(fileName: string | undefined) {
    super(
      `${fileName ? `${fileName}: ` : ''}being ingested by another run (or one stopped less than ${CLAIM_LEASE_MS / 60_000} minutes ago); try again later`,
    );
    this.name = 'SourceClaimedError';
  }
}

async function stageAndCommit(
  store: Store,
  file: SourceFile,
  details: ExtractDetails,
  { sourceHash, claim }: { sourceHash: string; claim: string },
  now: () => string,
  options: IngestOptions,
): Promise<IngestOutcome> {
  const { db } = store;
  const { report } = details;
  const year = report.year as number;
  const name = report.agency.name as string;
  const regionCode = report.agency.regionCode ?? UNKNOWN_REGION;
  const normalizedName = normalizeAgencyName(name);

  const alias = (await db.entities.alias.get({ regionCode, normalizedName }).go()).data;
  const agencyId = alias?.agencyId ?? makeAgencyId(report.agency.regionCode, name);
  const reportId = reportIdOf(agencyId, year);

  const [agency, existing, previousYear, next] = await Promise.all([
    db.entities.agency
      .get({ agencyId })
      .go()
      .then((r) => r.data),
    loadReportRecord(store, agencyId, year),
    loadReportRecord(store, agencyId, year - 1),
    loadReportRecord(store, agencyId, year + 1),
  ]);
  const at = now();

  const [before, previousValues] = await Promise.all([
    existing ? loadValues(store, existing) : Promise.resolve(null),
    previousYear ? loadValues(store, previousYear) : Promise.resolve(null),
  ]);
  const carried = carryReadings(
    before?.map((v) => ({
      code: v.code,
      extracted: v.extracted,
      current: v.current,
      unit: v.unit ?? null,
    })) ?? null,
    report.values,
  );
  const government = isGovernmentReport(name);
  const cross = crossReportFindings(
    {
      year,
      agencyName: name,
      publishedAt: report.publishedAt,
      government,
      values: carried.current,
    },
    previousYear && previousValues ? factsOf(previousYear, previousValues, government) : null,
  );

  // Stage: reserve a version number, then fill its partition; all invisible until the commit.
  const version = await reserveVersion(store, {
    reportId,
    sourceHash,
    status: 'staged' as const,
    fileName: file.fileName,
    bytes: file.bytes.byteLength,
    encoding: details.encoding,
    form: report.form,
    publishedAt: report.publishedAt ?? undefined,
    extractorVersion: EXTRACTOR_VERSION,
    changes: existing
      ? carried.changes.map((c) => ({ code: c.code, from: c.from ?? null, to: c.to ?? null }))
      : [],
    ingestedAt: at,
  });
  const key: ReportKey = { reportId, agencyId, year, regionCode, version };
  const values = valueRecords(key, report.values, carried.current, at);
  const findings = [
    ...findingRecords(key, 'report', report.findings),
    ...findingRecords(
      key,
      'version',
      existing
        ? [sourceChangeFinding(existing.currentVersion, carried.changes)].filter((f) => f !== null)
        : [],
    ),
    ...findingRecords(key, 'cross', cross),
  ];
  // Claim first: the partition may be a live writer's until the claim says otherwise.
  await claimSource(store, {
    sourceHash,
    reportId,
    version,
    status: 'staged' as const,
    claim,
    fileName: file.fileName,
    createdAt: at,
  });
  await clearPartition(store, versionPartition(store, reportId, version));
  await batchWrite(store, [
    ...putRequests(db.entities.value.put(values).params()),
    ...putRequests(db.entities.finding.put(findings).params()),
    ...putRequests(db.entities.text.put(textChunks(key, details.source)).params()),
  ]);
  await options.afterStage?.();

  // Commit: one transaction makes the staged version the report's current one.
  const level = agencyLevel(name, regionLevel(regionCode));
  const keys = pinyinKeys(name);
  const path = regionPath(regionCode)?.map((s) => s.name) ?? [];
  const reportFields = {
    regionCode,
    agencyName: name,
    form: report.form,
    publishedAt: report.publishedAt ?? undefined,
    sourceUrl: file.sourceUrl,
    currentVersion: version,
    versionCount: Math.max(version, existing?.versionCount ?? 0),
    sourceHash,
    valueCount: values.length,
    findingCount: findings.length,
    metrics: reportMetrics(report.form, values),
    updatedAt: at,
    changeBucket: changeBucket(at),
  };
  const result = await db.transaction
    .write(({ report: reports, version: versions, source, agency: agencies, alias: aliases }) => [
      existing
        ? reports
            .patch({ agencyId, year })
            .set({
              reportId,
              ...reportFields,
              revision: existing.revision + 1,
              cleanupVersions: [...(existing.cleanupVersions ?? []), existing.currentVersion],
              pendingNeighbour: next !== null,
            })
            .where((attr, op) => op.eq(attr.revision, existing.revision))
            .commit()
        : reports
            .create({
              agencyId,
              year,
              reportId,
              ...reportFields,
              revision: 1,
              createdAt: at,
              pendingNeighbour: next !== null,
            })
            .commit(),
      versions.patch({ reportId, version }).set({ status: 'current' }).commit(),
      ...(existing
        ? [
            versions
              .patch({ reportId, version: existing.currentVersion })
              .set({ status: 'superseded' })
              .commit(),
          ]
        : []),
      // Still our claim: the same bytes staged by another writer must not commit twice.
      source
        .patch({ sourceHash })
        .set({ status: 'complete' })
        .where((attr, op) => `${op.eq(attr.claim, claim)} AND ${op.eq(attr.version, version)}`)
        .commit(),
      agency
        ? agencies
            .patch({ agencyId })
            .set({
              updatedAt: at,
              changeBucket: changeBucket(at),
              latestYear: Math.max(agency.latestYear ?? year, year),
            })
            .add({ reportCount: existing ? 0 : 1 })
            .commit()
        : agencies
            .create({
              agencyId,
              name,
              normalizedName,
              aliases: [name],
              regionCode,
              province: regionCode.slice(0, 2),
              regionPath: path,
              level,
              pinyin: keys.full,
              initials: keys.initials,
              reportCount: 1,
              latestYear: year,
              createdAt: at,
              updatedAt: at,
              changeBucket: changeBucket(at),
            })
            .commit(),
      ...(alias ? [] : [aliases.put({ regionCode, normalizedName, agencyId }).commit()]),
      // The neighbour years must be as read: cross-report findings were computed from them, and
      // two years of one agency ingested at once must not both miss each other.
      ...[previousYear, next].map((neighbour, i) =>
        reports
          .check({ agencyId, year: year + (i === 0 ? -1 : 1) })
          .where((attr, op) =>
            neighbour ? op.eq(attr.revision, neighbour.revision) : op.notExists(attr.reportId),
          )
          .commit(),
      ),
    ])
    .go()
    .catch((error: unknown) => {
      if (isConditionFailure(error)) throw new CommitConflict(String(error));
      throw error;
    });
  if (result.canceled) throw new CommitConflict('transaction cancelled');

  if (existing || next) await finishPending(store, reportId, now);
  return {
    status: existing ? 'new-version' : 'ingested',
    fileName: file.fileName,
    reportId,
    version,
  };
}

const EXTRACTOR_VERSION = '0.1.0';

type VersionItem = Parameters<Store['db']['entities']['version']['create']>[0];

/**
 * Claims a version number by creating its item, so concurrent ingests of one agency-year never
 * share a partition. A version this same source staged before (a crashed run, or an earlier
 * attempt that lost a commit race) is taken over instead, so retries leave no orphans.
 */
async function reserveVersion(store: Store, item: Omit<VersionItem, 'version'>): Promise<number> {
  const versions = store.db.entities.version;
  const all = (await versions.query.primary({ reportId: item.reportId }).go({ pages: 'all' })).data;
  const mine = all.find((v) => v.sourceHash === item.sourceHash && v.status === 'staged');
  if (mine) {
    // Only while still staged: the run that staged it may have committed since it was read.
    await versions
      .put({ ...item, version: mine.version } as VersionItem)
      .where((attr, op) => op.eq(attr.status, 'staged'))
      .go()
      .catch((error: unknown) => {
        if (isConditionFailure(error)) throw new CommitConflict('version committed meanwhile');
        throw error;
      });
    return mine.version;
  }
  for (let version = Math.max(0, ...all.map((v) => v.version)) + 1; ; version++) {
    try {
      await versions.create({ ...item, version } as VersionItem).go();
      return version;
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
    }
  }
}

/**
 * How long a staged claim holds before another run may take it over. Staging one report takes
 * seconds; a claim this old belongs to a run that crashed or was killed.
 */
export const CLAIM_LEASE_MS = 5 * 60 * 1000;

interface SourceItem {
  sourceHash: string;
  reportId: string;
  version: number;
  status: 'staged';
  claim: string;
  fileName?: string;
  createdAt: string;
}

/**
 * Claims the source's bytes. The same bytes may arrive twice at once (a queue redelivers, one
 * file sits under two names): only one run may stage them. A claim is taken over only by the
 * run that made it (its own retry) or once it is older than the lease (that run crashed).
 */
async function claimSource(store: Store, item: SourceItem): Promise<void> {
  const expired = new Date(Date.parse(item.createdAt) - CLAIM_LEASE_MS).toISOString();
  await store.db.entities.source
    .put(item)
    .where(
      (attr, op) =>
        `${op.notExists(attr.sourceHash)} OR (${op.eq(attr.status, 'staged')} AND (${op.eq(attr.claim, item.claim)} OR ${op.lt(attr.createdAt, expired)}))`,
    )
    .go()
    .catch((error: unknown) => {
      if (isConditionFailure(error)) throw new ClaimConflict('source claimed by another run');
      throw error;
    });
}

/**
 * Versions of the same bytes staged by writers that lost the claim: they can never commit (the
 * commit requires the claim), so their items are removed once the source is complete.
 */
async function discardLostStaging(
  store: Store,
  reportId: string,
  sourceHash: string,
  kept: number,
): Promise<void> {
  const versions = store.db.entities.version;
  const lost = (await versions.query.primary({ reportId }).go({ pages: 'all' })).data.filter(
    (v) => v.sourceHash === sourceHash && v.status === 'staged' && v.version !== kept,
  );
  for (const v of lost) {
    await clearPartition(store, versionPartition(store, reportId, v.version));
    await versions.delete({ reportId, version: v.version }).go();
  }
}

function versionPartition(store: Store, reportId: string, version: number): string {
  const params = store.db.entities.value.query.primary({ reportId, version }).params() as {
    ExpressionAttributeValues: Record<string, string>;
  };
  return params.ExpressionAttributeValues[':pk'] as string;
}

function factsOf(
  report: ReportRecord,
  values: readonly StoredValue[],
  government: boolean,
): ReportFacts {
  return {
    year: report.year,
    agencyName: report.agencyName ?? null,
    publishedAt: report.publishedAt ?? null,
    government,
    values: new Map(values.map((v) => [v.code, v.current])),
  };
}

/**
 * The jobs a committed version leaves: clear superseded partitions, recompute the next year's
 * cross-report findings. Each is idempotent; the report remembers them until they are done.
 */
export async function finishPending(
  store: Store,
  reportId: string,
  now: () => string,
): Promise<void> {
  const id = parseReportId(reportId);
  if (!id) return;
  const report = await loadReportRecord(store, id.agencyId, id.year);
  if (!report || (!report.cleanupVersions?.length && !report.pendingNeighbour)) return;
  for (const version of report.cleanupVersions ?? []) {
    if (version !== report.currentVersion)
      await clearPartition(store, versionPartition(store, reportId, version));
  }
  if (report.pendingNeighbour) await refreshNextYear(store, report, now);
  await store.db.entities.report
    .patch({ agencyId: report.agencyId, year: report.year })
    .remove(['cleanupVersions', 'pendingNeighbour'])
    .go();
}

/** Recomputes the cross-report findings of the year after `report`, which compare against it. */
async function refreshNextYear(
  store: Store,
  report: ReportRecord,
  now: () => string,
): Promise<void> {
  const { db } = store;
  const next = await loadReportRecord(store, report.agencyId, report.year + 1);
  if (!next) return;
  const [values, nextValues] = await Promise.all([
    loadValues(store, report),
    loadValues(store, next),
  ]);
  const government = isGovernmentReport(next.agencyName ?? '');
  const findings = crossReportFindings(
    factsOf(next, nextValues, government),
    factsOf(report, values, isGovernmentReport(report.agencyName ?? '')),
  );
  const key: ReportKey = {
    reportId: next.reportId,
    agencyId: next.agencyId,
    year: next.year,
    regionCode: next.regionCode,
    version: next.currentVersion,
  };
  const old = await db.entities.finding.query
    .primary({ reportId: next.reportId, version: next.currentVersion, scope: 'cross' })
    .go({ pages: 'all' });
  const fresh = findingRecords(key, 'cross', findings);
  // Same keys (scope, seq) are overwritten; only surplus old ones need deleting.
  const surplus = old.data.filter((f) => f.seq >= fresh.length);
  await batchWrite(store, [
    ...putRequests(db.entities.finding.put(fresh).params()),
    ...putRequests(surplus.length ? db.entities.finding.delete(surplus).params() : []),
  ]);
  const at = now();
  await db.entities.report
    .patch({ agencyId: next.agencyId, year: next.year })
    .set({
      reportId: next.reportId,
      updatedAt: at,
      changeBucket: changeBucket(at),
      findingCount: (next.findingCount ?? 0) - old.data.length + fresh.length,
    })
    .add({ revision: 1 })
    .go();
}
