import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { parseViewerAddress, viewerAddress } from './viewer-address.ts';

describe('parseViewerAddress', () => {
  it.each([
    ['198.51.100.10:46532', '198.51.100.10'],
    ['2001:db8::1:443', '2001:db8::1'],
    ['2001:0db8:85a3:0000:0000:8a2e:0370:7334:5000', '2001:0db8:85a3:0000:0000:8a2e:0370:7334'],
    [undefined, null],
    ['', null],
    ['198.51.100.10', null],
    ['not-an-ip:80', null],
    ['<script>:1', null],
    [':80', null],
    ['198.51.100.10:port', null],
  ])('%j → %j', (header, expected) => {
    expect(parseViewerAddress(header)).toBe(expected);
  });
});

describe('viewerAddress', () => {
  const event = (headers: Record<string, string>) =>
    ({
      headers,
      requestContext: { http: { sourceIp: '130.176.0.1' } },
    }) as unknown as APIGatewayProxyEventV2;
  it('prefers the viewer CloudFront names over the edge that connected', () => {
    expect(viewerAddress(event({ 'cloudfront-viewer-address': '198.51.100.10:46532' }))).toBe(
      '198.51.100.10',
    );
  });
  it('falls back to the connection without CloudFront, or with a header it cannot read', () => {
    expect(viewerAddress(event({}))).toBe('130.176.0.1');
    expect(viewerAddress(event({ 'cloudfront-viewer-address': 'junk' }))).toBe('130.176.0.1');
    expect(viewerAddress(undefined)).toBeUndefined();
  });
});
