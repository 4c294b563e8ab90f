import { describe, expect, it } from 'vitest';
import { decidePath } from './static-site.ts';

describe('decidePath', () => {
  const files = new Set(['/index.html', '/assets/index-abc.js', '/favicon.svg']);
  const has = (p: string) => files.has(p);
  it.each([
    ['/', { kind: 'app', path: '/index.html' }],
    ['/agencies/440100-abcdefghij', { kind: 'app', path: '/index.html' }],
    ['/compare', { kind: 'app', path: '/index.html' }],
    ['/assets/index-abc.js', { kind: 'file', path: '/assets/index-abc.js' }],
    ['/favicon.svg', { kind: 'file', path: '/favicon.svg' }],
    ['/index.html', { kind: 'file', path: '/index.html' }],
    ['/assets/index-old.js', { kind: 'missing' }],
    ['/assets/chunk', { kind: 'missing' }],
    ['/robots.txt', { kind: 'missing' }],
    // Files are looked up in memory, so a dotted path can only ever name the app's own files.
    ['/../../etc/passwd', { kind: 'app', path: '/index.html' }],
    ['/../index.html', { kind: 'missing' }],
  ] as const)('%s', (path, expected) => {
    expect(decidePath(path, has)).toEqual(expected);
  });
});
