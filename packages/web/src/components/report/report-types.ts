/** The shape of a report's value as the report page asks for it. */
export interface ReportValue {
  id: string;
  code: string;
  label: string;
  unit: string | null;
  current: number | null;
  extracted: number | null;
  corrected: boolean;
  confidence: number | null;
  source: string;
}
