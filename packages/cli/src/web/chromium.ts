/**
 * How this project runs Chromium headless (browser tests, Lighthouse): Debian's build, as root,
 * with nothing that calls out of a closed network (each such call would fail, many at a time).
 */
export const CHROMIUM_PATH = process.env.CHROME_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_FLAGS: readonly string[] = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];
