/** Reads the ingest needs: a report's record and the values of its current version. */
import { getReport, type ReportRecord } from '../queries/reports.ts';
import { type ValueRecord, valuesOfReport } from '../queries/values.ts';

export type { ReportRecord };
export type StoredValue = ValueRecord;
export const loadReportRecord = getReport;
export const loadValues = valuesOfReport;
