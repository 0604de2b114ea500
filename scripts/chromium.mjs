/**
 * Debian's Chromium as every script here launches it (../shared/TOOLCHAIN.md): the tests, the
 * strict-CSP check, Lighthouse and the WordPress check. `CHROME_PATH` overrides the binary.
 */
export const CHROMIUM = process.env.CHROME_PATH ?? '/usr/bin/chromium';

/** No sandbox (containers), no GPU, and nothing fetched or synced in the background. */
export const QUIET_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
