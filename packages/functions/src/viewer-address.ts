/**
 * Who is calling, behind CloudFront. The API tells callers apart by address (rate limits, "my
 * corrections"); behind the Router every request arrives from a CloudFront edge, so the
 * event's sourceIp would lump thousands of phones together. CloudFront states the viewer's
 * address in `cloudfront-viewer-address` ("ip:port", IPv6 unbracketed).
 */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';

const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;
const IPV6 = /^[0-9a-f:]+$/i;

/** The address part of CloudFront's "ip:port"; null when it is not one. */
export function parseViewerAddress(header: string | undefined): string | null {
  if (!header) return null;
  const at = header.lastIndexOf(':');
  if (at <= 0 || !/^\d{1,5}$/.test(header.slice(at + 1))) return null;
  const ip = header.slice(0, at);
  return IPV4.test(ip) || (ip.includes(':') && IPV6.test(ip)) ? ip : null;
}

/** The viewer's address when CloudFront gives one, else the connection's. */
export function viewerAddress(event: APIGatewayProxyEventV2 | undefined): string | undefined {
  if (!event) return undefined;
  return (
    parseViewerAddress(event.headers?.['cloudfront-viewer-address']) ??
    event.requestContext.http.sourceIp
  );
}
