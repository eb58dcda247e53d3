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

/** The page at url, once the bot has said its first words. */
export async function opened(page, url) {
  await page.goto(url);
  await page.locator('#log .msg.bot').first().waitFor({ timeout: 15000 });
}

/** Taps the first button until the bot thanks the person ('thanked') or says a text in endings (its key). */
export async function finish(page, endings = {}) {
  for (let taps = 0; taps <= 20; taps++) {
    const log = await page.locator('#log .msg.bot').allInnerTexts();
    if (log.some((t) => t.includes(thanks))) { return 'thanked'; }
    for (const [outcome, text] of Object.entries(endings)) {
      if (log.some((t) => t.includes(text))) { return outcome; }
    }
    const button = page.locator('#choices button').first();
    await button.waitFor({ state: 'visible', timeout: 15000 });
    const before = await page.locator('#log .msg.bot').count();
    await button.click();
    await page.waitForFunction((n) => document.querySelectorAll('#log .msg.bot').length > n, before, { timeout: 15000 });
  }
  throw new Error('No end after 20 answers');
}
