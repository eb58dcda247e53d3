// Our own survey page on a 360×740 phone screen: open the link, tap the first button until the
// thanks, and save a screenshot (the README's picture) when asked.
// Options: { url, screenshot?, screenshotAfterTaps?, blockWebSocket?, offlineAtTap?, reopen? }: with offlineAtTap, the
// phone loses its network just before that tap, is shown what happened, then the network comes back; with reopen
// ('tab' or 'reload'), once thanked the link is opened again in a new tab of the same browser, or the page reloaded.
import { launch, run, thanks, opened } from './browser.mjs';

run(async ({ url, screenshot, screenshotAfterTaps, blockWebSocket, offlineAtTap, reopen }) => {
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
    let offline = null;
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
      if (taps === offlineAtTap && offline === null) {
        const first = await button.innerText();
        await context.setOffline(true);
        await button.tap();
        await page.locator('#log .msg.user.failed').waitFor({ timeout: 30000 });
        const again = page.locator('#choices button');
        await again.first().waitFor({ state: 'visible', timeout: 5000 });
        offline = { buttons: await again.count(), sameFirst: (await again.first().innerText()) === first, status: await page.locator('#status').innerText() };
        // Typed instead, still offline: the words come back to the box, to send again.
        await page.locator('#text').fill(first);
        await page.locator('#text').press('Enter');
        await page.waitForFunction((t) => document.getElementById('text').value === t, first, { timeout: 30000 });
        offline.typedBack = true;
        offline.buttonsAfterTyping = await again.count();
        await page.locator('#text').fill('');
        await context.setOffline(false);
        continue;
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
    const userBubbles = await page.locator('#log .msg.user').count();
    // Once the form is given: nothing more to type, and a line says the page can be closed.
    await page.locator('#compose').waitFor({ state: 'hidden', timeout: 15000 });
    const finished = { status: await page.locator('#status').innerText(), buttons: await page.locator('#choices button').count() };
    let reopened = null;
    if (reopen) {
      let again = page;
      if (reopen === 'reload') {
        await page.reload();
        await page.locator('#log .msg.bot').first().waitFor({ timeout: 15000 });
      } else {
        await page.close();
        again = await context.newPage();
        await opened(again, url);
      }
      // A replayed conversation brings its answers with its first message; give them time to show.
      await again.waitForTimeout(1500);
      reopened = { userBubbles: await again.locator('#log .msg.user').count(), botTexts: await again.locator('#log .msg.bot').allInnerTexts() };
    }
    return { taps, pendingOrFailed, errors, fontSize, overflow, userBubbles, offline, reopened, finished };
  } finally {
    await browser.close();
  }
});
