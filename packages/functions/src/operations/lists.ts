/**
 * The top-level lists whose arguments choose between access patterns: which core read answers
 * them, and the page it returns. Resolvers call these once.
 */
import {
  type AgencyLevel,
  agenciesOfRegion,
  getReport,
  getReportsById,
  indicatorAcrossAgencies,
  type Page,
  regionPrefix,
  reportsOfAgency,
  reportsOfYear,
} from '@gongkai/core';
import type { Form } from '@gongkai/extract';
import { arrayPage, type ConnectionArgs, connectionOf, pageArgs } from '../connections.ts';
import type { ApiContext } from '../context.ts';
import { badInput } from '../errors.ts';

/** Search hits come ranked from the in-memory index; without a search, a region's listing. */
export async function findAgencies(
  ctx: ApiContext,
  args: ConnectionArgs & {
    search?: string | null;
    region?: string | null;
    level?: AgencyLevel | null;
  },
) {
  const level = args.level ?? undefined;
  if (args.search != null && args.search.trim() !== '') {
    const hits = (await ctx.search()).search(args.search, {
      limit: 100,
      ...(args.region ? { regionPrefix: regionPrefix(args.region) } : {}),
      ...(level ? { level } : {}),
    });
    // Edges carry agency ids; the Agency node loads them in one batch.
    return connectionOf(
      arrayPage(
        hits.map((h) => h.id),
        args,
      ),
      args,
    );
  }
  if (args.region == null) throw badInput('give a search text or a region');
  return connectionOf(
    await agenciesOfRegion(ctx.store, {
      region: args.region,
      ...(level ? { level } : {}),
      ...pageArgs(args),
    }),
    args,
  );
}

/** An agency's reports (or its one report of a year), or every report of a year. */
export async function findReports(
  ctx: ApiContext,
  args: ConnectionArgs & {
    agencyId?: string | null;
    year?: number | null;
    region?: string | null;
    form?: Form | null;
  },
) {
  const form = args.form ?? undefined;
  if (args.agencyId) {
    if (args.year != null) {
      const one = await getReport(ctx.store, args.agencyId, args.year);
      const items = one && (!form || one.form === form) ? [one] : [];
      return connectionOf(arrayPage(items, args), args);
    }
    return connectionOf(
      await reportsOfAgency(ctx.store, args.agencyId, {
        ...pageArgs(args),
        ...(form ? { form } : {}),
      }),
      args,
    );
  }
  if (args.year == null) throw badInput('give an agency or a year');
  return connectionOf(
    await reportsOfYear(ctx.store, args.year, {
      ...pageArgs(args),
      ...(args.region ? { region: args.region } : {}),
      ...(form ? { form } : {}),
    }),
    args,
  );
}

/** One code across agencies, each value with its report (one batch read for the page). */
export async function rankIndicator(
  ctx: ApiContext,
  args: ConnectionArgs & { code: string; year: number; region?: string | null },
) {
  const page = await indicatorAcrossAgencies(ctx.store, {
    code: args.code,
    year: args.year,
    ...(args.region ? { region: args.region } : {}),
    ...pageArgs(args),
  });
  const reports = await getReportsById(
    ctx.store,
    page.items.map((v) => v.reportId),
  );
  const kept = page.items.flatMap((value, i) => {
    const report = reports[i];
    return report ? [{ value, report, cursor: page.cursors[i] ?? '' }] : [];
  });
  const joined: Page<{
    value: (typeof kept)[number]['value'];
    report: (typeof kept)[number]['report'];
  }> = {
    ...page,
    items: kept.map(({ value, report }) => ({ value, report })),
    cursors: kept.map((k) => k.cursor),
  };
  return connectionOf(joined, args);
}
