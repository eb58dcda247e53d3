// Debian's Chromium, headless, started as this machine allows (no sandbox as root, no background network).
import { chromium } from 'playwright-core';

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
}

/** Reads the one JSON argument the C# test passes, and reports failures as the test will show them. */
export function run(main) {
  const options = JSON.parse(process.argv[2]);
  main(options).then(
    (result) => { console.log(JSON.stringify(result)); process.exit(0); },
    (error) => { console.error(error && error.stack || String(error)); process.exit(1); });
}

export const thanks = 'Xin trân trọng cảm ơn';
