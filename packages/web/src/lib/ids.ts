/**
 * Addresses in the app use the API's own stable ids (agency `440100-abcdefghij`, report
 * `440100-abcdefghij-2021`), which read well in a URL; the API's Relay IDs are derived from
 * them the way the server encodes them: base64 of `Type:id`.
 */
export type NodeType = 'Agency' | 'Report' | 'Correction' | 'IndicatorValue';

function base64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary);
}

function unbase64(encoded: string): string | null {
  try {
    const binary = atob(encoded);
    return new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
  } catch {
    return null;
  }
}

export function globalId(type: NodeType, id: string): string {
  return base64(`${type}:${id}`);
}

/** The plain id inside a Relay ID of the given type; null when it is not one. */
export function plainId(type: NodeType, global: string): string | null {
  const decoded = unbase64(global);
  return decoded?.startsWith(`${type}:`) ? decoded.slice(type.length + 1) : null;
}

const REPORT_ID = /^(\d{6}-[a-z2-7]{10})-(\d{4})$/;
const AGENCY_ID = /^\d{6}-[a-z2-7]{10}$/;

export const isAgencyId = (id: string) => AGENCY_ID.test(id);
export const isReportId = (id: string) => REPORT_ID.test(id);

export function agencyOfReport(reportId: string): string | null {
  return REPORT_ID.exec(reportId)?.[1] ?? null;
}
