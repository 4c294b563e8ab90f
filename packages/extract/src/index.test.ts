import { describe, expect, it } from 'vitest';
import { version } from './index.ts';

describe('@gongkai/extract', () => {
  it('exports a version string', () => {
    expect(version).toBe('0.0.0');
  });
});
