/** Gongkai's extraction engine: report bytes or text in, figures with provenance out. Pure. */

export { checkIdentity, type Identity, identitiesFor } from './catalog/identities.ts';
export {
  ART20_ROWS,
  FORMS,
  INDICATORS,
  type IndicatorDef,
  indicator,
  REQUEST_COLUMNS,
  REQUEST_ROWS,
  REVIEW_CELLS,
} from './catalog/indicators.ts';
export {
  ExtractError,
  type ExtractErrorCode,
  isExtractError,
  MAX_INPUT_BYTES,
} from './decode/errors.ts';
export { type ExtractDetails, extract, extractDetailed } from './extract.ts';
export {
  type RegionLevel,
  type RegionMatch,
  type RegionPathStep,
  regionChildren,
  regionLevel,
  regionPath,
  resolveRegion,
} from './region/region.ts';
export type * from './types.ts';

export const version = '0.1.0';
