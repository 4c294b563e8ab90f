/** Browsing by place: provinces → cities → counties that hold agencies, with counts. */
import { agenciesWithin, type RegionCount, regionChildrenWithAgencies } from '@gongkai/core';
import { regionPath } from '@gongkai/extract';
import { builder } from '../builder.ts';

const RegionLevelEnum = builder.enumType('RegionLevel', {
  values: {
    PROVINCE: { value: 'province' },
    CITY: { value: 'city' },
    COUNTY: { value: 'county' },
  } as const,
});

const RegionRef = builder.objectRef<RegionCount>('Region');

RegionRef.implement({
  description: 'A GB/T 2260 division, with how many agencies it holds.',
  fields: (t) => ({
    code: t.exposeString('code', { description: 'Six digits, e.g. 440106.' }),
    name: t.exposeString('name'),
    level: t.field({ type: RegionLevelEnum, resolve: (r) => r.level }),
    agencyCount: t.exposeInt('agencies', {
      description: 'Agencies in this division or inside it.',
    }),
    path: t.field({
      type: [RegionRef],
      description: 'The enclosing divisions, outermost first, then this one.',
      resolve: async (r, _args, ctx) => {
        const counts = (await ctx.search()).regionCounts();
        return (regionPath(r.code) ?? []).map((s) => ({
          ...s,
          agencies: agenciesWithin(counts, s.code),
        }));
      },
    }),
    children: t.field({
      type: [RegionRef],
      description: 'The divisions inside this one that hold agencies, by code.',
      resolve: async (r, _args, ctx) =>
        regionChildrenWithAgencies((await ctx.search()).regionCounts(), r.code),
    }),
  }),
});

builder.queryFields((t) => ({
  regions: t.field({
    type: [RegionRef],
    description: 'The provinces that hold agencies, by code: where browsing by place starts.',
    resolve: async (_root, _args, ctx) =>
      regionChildrenWithAgencies((await ctx.search()).regionCounts(), null),
  }),
  region: t.field({
    type: RegionRef,
    nullable: true,
    description: 'A division by its six-digit code; null when there is no such division.',
    args: { code: t.arg.string({ required: true }) },
    resolve: async (_root, args, ctx) => {
      const step = /^\d{6}$/.test(args.code) ? regionPath(args.code)?.at(-1) : undefined;
      if (!step) return null;
      return { ...step, agencies: agenciesWithin((await ctx.search()).regionCounts(), step.code) };
    },
  }),
}));
