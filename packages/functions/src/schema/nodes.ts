/**
 * The Node types and their stored fields. Each loads in batches (one BatchGet per request for
 * every agency or report a page mentions); fields that need more reads live with their feature.
 */
import {
  type AgencyRecord,
  type CorrectionRecord,
  getAgencies,
  getCorrection,
  getReportsById,
  parseReportId,
  type ReportRecord,
  readingOf,
  type ValueRecord,
} from '@gongkai/core';
import { INDICATORS, type IndicatorDef, indicator } from '@gongkai/extract';
import { builder } from '../builder.ts';
import { submitterOf } from '../context.ts';
import { AgencyLevelEnum, CorrectionStatusEnum, FormEnum, ValueSourceEnum } from './enums.ts';

const UNKNOWN_REGION = '000000';

export const AgencyNode = builder.loadableNode('Agency', {
  description: 'A government body that publishes an annual disclosure report.',
  id: { resolve: (a: AgencyRecord) => a.agencyId },
  load: async (ids: string[], ctx) =>
    // Unknown ids resolve to null (Relay's `node` convention), not to an error.
    (await getAgencies(ctx.store, ids)) as AgencyRecord[],
  fields: (t) => ({
    agencyId: t.exposeString('agencyId', {
      description: 'The stable agency code: region code and a hash of the normalised name.',
    }),
    name: t.exposeString('name'),
    aliases: t.stringList({ resolve: (a) => [...(a.aliases ?? [])] }),
    regionCode: t.string({
      nullable: true,
      description: 'GB/T 2260 code of the region; null when the report names no place.',
      resolve: (a) => (a.regionCode === UNKNOWN_REGION ? null : a.regionCode),
    }),
    regionPath: t.stringList({
      description: 'Province, city, county names from the top.',
      resolve: (a) => [...(a.regionPath ?? [])],
    }),
    level: t.field({ type: AgencyLevelEnum, resolve: (a) => a.level }),
    pinyin: t.string({ nullable: true, resolve: (a) => a.pinyin ?? null }),
    initials: t.string({ nullable: true, resolve: (a) => a.initials ?? null }),
    reportCount: t.int({ resolve: (a) => a.reportCount ?? 0 }),
    latestYear: t.int({ nullable: true, resolve: (a) => a.latestYear ?? null }),
    updatedAt: t.exposeString('updatedAt'),
  }),
});

export const ReportNode = builder.loadableNode('Report', {
  description: "One agency's report for one year; its figures are those of the current version.",
  id: { resolve: (r: ReportRecord) => r.reportId },
  load: async (ids: string[], ctx) => (await getReportsById(ctx.store, ids)) as ReportRecord[],
  fields: (t) => ({
    reportId: t.exposeString('reportId'),
    agency: t.field({ type: AgencyNode, resolve: (r) => r.agencyId }),
    agencyName: t.string({
      description: 'The name as this report prints it.',
      resolve: (r) => r.agencyName ?? '',
    }),
    year: t.exposeInt('year'),
    form: t.field({ type: FormEnum, resolve: (r) => r.form }),
    publishedAt: t.string({ nullable: true, resolve: (r) => r.publishedAt ?? null }),
    sourceUrl: t.string({ nullable: true, resolve: (r) => r.sourceUrl ?? null }),
    currentVersion: t.exposeInt('currentVersion'),
    versionCount: t.exposeInt('versionCount'),
    valueCount: t.int({ resolve: (r) => r.valueCount ?? 0 }),
    findingCount: t.int({ resolve: (r) => r.findingCount ?? 0 }),
    updatedAt: t.exposeString('updatedAt'),
  }),
});

export interface ValueNodeShape {
  value: ValueRecord;
  report: ReportRecord;
}

/** A value's global id names the report and the code: it follows the report's current version. */
export const valueKey = (reportId: string, code: string) => `${reportId}|${code}`;

export const IndicatorValueNode = builder.loadableNode('IndicatorValue', {
  description:
    'One figure of a report: what was extracted, what it reads now after corrections, and where it came from.',
  id: { resolve: (v: ValueNodeShape) => valueKey(v.report.reportId, v.value.code) },
  load: async (ids: string[], ctx) => {
    const keys = ids.map((id) => {
      const at = id.lastIndexOf('|');
      return { reportId: id.slice(0, at), code: id.slice(at + 1) };
    });
    const reportIds = [...new Set(keys.map((k) => k.reportId).filter((id) => parseReportId(id)))];
    const reports = new Map(
      (await getReportsById(ctx.store, reportIds)).flatMap((r) => (r ? [[r.reportId, r]] : [])),
    );
    return Promise.all(
      keys.map(async ({ reportId, code }) => {
        const report = reports.get(reportId);
        const value =
          report && (await ctx.loaders.values.load(report)).find((v) => v.code === code);
        return (report && value ? { report, value } : null) as ValueNodeShape;
      }),
    );
  },
  fields: (t) => ({
    code: t.string({ resolve: (v) => v.value.code }),
    source: t.field({ type: ValueSourceEnum, resolve: (v) => v.value.source }),
    unit: t.string({ nullable: true, resolve: (v) => v.value.unit ?? null }),
    confidence: t.float({
      nullable: true,
      description: '0–1: how sure the extractor is of this reading.',
      resolve: (v) => v.value.confidence ?? null,
    }),
    corrected: t.boolean({
      description: 'True when an accepted correction set the current reading.',
      resolve: (v) => Boolean(v.value.correctedBy),
    }),
    report: t.field({ type: ReportNode, resolve: (v) => v.report }),
  }),
});

export const IndicatorNode = builder.loadableNode('Indicator', {
  description:
    'An indicator code of the catalog (spec/indicators.md), the vocabulary of every value.',
  id: { resolve: (d: IndicatorDef) => d.code },
  load: async (codes: string[]) => codes.map((c) => indicator(c) ?? null) as IndicatorDef[],
  fields: (t) => ({
    code: t.exposeString('code'),
    label: t.exposeString('label', { description: 'The label the official table prints.' }),
    variants: t.stringList({
      description: 'Other labels seen in real reports.',
      resolve: (d) => [...(d.variants ?? [])],
    }),
    unit: t.exposeString('unit'),
    section: t.exposeString('section'),
    forms: t.field({ type: [FormEnum], resolve: (d) => [...d.forms] }),
  }),
});

export const CorrectionNode = builder.loadableNode('Correction', {
  description: 'A proposed reading for one value, moderated: pending, then accepted or rejected.',
  id: { resolve: (c: CorrectionRecord) => c.correctionId },
  load: async (ids: string[], ctx) =>
    Promise.all(ids.map(async (id) => (await getCorrection(ctx.store, id)) as CorrectionRecord)),
  fields: (t) => ({
    report: t.field({ type: ReportNode, resolve: (c) => c.reportId }),
    code: t.exposeString('code'),
    value: t.field({
      type: IndicatorValueNode,
      nullable: true,
      description: 'The value this correction is about, as it reads now (its label, unit, source).',
      resolve: (c) => valueKey(c.reportId, c.code),
    }),
    proposed: t.float({
      nullable: true,
      description: 'The proposed reading; null proposes a blank cell.',
      resolve: (c) => readingOf(c.proposed),
    }),
    basis: t.float({
      nullable: true,
      description: 'The current reading when the correction was submitted.',
      resolve: (c) => readingOf(c.basis),
    }),
    evidence: t.exposeString('evidence'),
    status: t.field({ type: CorrectionStatusEnum, resolve: (c) => c.status }),
    reason: t.string({
      nullable: true,
      description: "The moderator's reason.",
      resolve: (c) => c.reason ?? null,
    }),
    createdAt: t.exposeString('createdAt'),
    reviewedAt: t.string({ nullable: true, resolve: (c) => c.reviewedAt ?? null }),
    mine: t.boolean({
      description: 'Submitted by the caller (same address, or the same moderator).',
      resolve: (c, _args, ctx) => c.submitter === submitterOf(ctx),
    }),
    contact: t.string({
      nullable: true,
      description: "The submitter's contact; moderators only.",
      authScopes: { moderator: true },
      unauthorizedResolver: () => null,
      resolve: (c) => c.contact ?? null,
    }),
    reviewer: t.string({
      nullable: true,
      description: 'Who reviewed it; moderators only.',
      authScopes: { moderator: true },
      unauthorizedResolver: () => null,
      resolve: (c) => c.reviewer ?? null,
    }),
  }),
});

export const CATALOG: readonly IndicatorDef[] = INDICATORS;
