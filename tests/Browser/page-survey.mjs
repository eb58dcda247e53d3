// Our own survey page on a 360×740 phone screen: open the link, tap the first button until the
// thanks, and save a screenshot (the README's picture) when asked.
// Options: { url, screenshot?, screenshotAfterTaps? , blockWebSocket? }.
import { launch, run, thanks } from './browser.mjs';

run(async ({ url, screenshot, screenshotAfterTaps, blockWebSocket }) => {
  const browser = await launch();
  try {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'vi-VN' });
    if (blockWebSocket) {
      // As on a network whose proxy refuses WebSockets: the page must fall back to polling.
      await context.addInitScript(() => { window.WebSocket = undefined; });
    }
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(url);
    let taps = 0;
    for (;;) {
      const log = await page.locator('#log .msg.bot').allInnerTexts();
      if (log.some((t) => t.includes(thanks))) {
        break;
      }
      if (taps > 20) {
        throw new Error('No end after 20 answers: ' + log.join(' | '));
      }
      const button = page.locator('#choices button').first();
      await button.waitFor({ state: 'visible', timeout: 15000 });
      if (screenshot && taps === screenshotAfterTaps) {
        await page.screenshot({ path: screenshot });
      }
      const before = await page.locator('#log .msg.bot').count();
      // A tap, as a thumb does it.
      await button.tap();
      taps++;
      await page.waitForFunction((n) => document.querySelectorAll('#log .msg.bot').length > n, before, { timeout: 15000 });
    }
    const pendingOrFailed = await page.locator('#log .msg.user.pending, #log .msg.user.failed').count();
    const fontSize = await page.locator('#choices, #log').first().evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
    return { taps, pendingOrFailed, errors, fontSize, overflow, userBubbles: await page.locator('#log .msg.user').count() };
  } finally {
    await browser.close();
  }
});
