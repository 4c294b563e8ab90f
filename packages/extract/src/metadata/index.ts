/** Report metadata: the year covered, the publication date and the issuing body. */
export { type AgencyName, type AgencySource, findAgencyName } from './agency-name.ts';
export {
  type DateMatch,
  type DateParts,
  daysInMonth,
  findDates,
  formatDate,
  isLeapYear,
  isValidDate,
  parseChineseNumber,
  parseDate,
  parseDateParts,
} from './chinese-numerals.ts';
export { findPublishedAt, type PublishedAt, type PublishedAtOptions } from './published-at.ts';
export { findReportYear, type ReportYear, type ReportYearSource } from './report-year.ts';
