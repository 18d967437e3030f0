// Debian's Chromium as every browser script here launches it: the machine's own binary (never a download)
// and flags that keep it from calling home, which a closed network would refuse.
export const CHROMIUM_PATH = '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];
