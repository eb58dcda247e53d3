// A phone that closes the survey's tab after two answers, and the person opens the same link again in the
// same browser: an invitation's page goes on where they were; the desk poster's open link begins afresh
// (the desk's tablet passes from hand to hand). Options: { invitationUrl, openUrl }.
import { launch, run, opened } from './browser.mjs';

run(async ({ invitationUrl, openUrl }) => {
  const browser = await launch();
  try {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, locale: 'vi-VN' });
    const reopen = async (url) => {
      const page = await context.newPage();
      await opened(page, url);
      for (let i = 0; i < 2; i++) {
        const button = page.locator('#choices button').first();
        await button.waitFor({ state: 'visible', timeout: 15000 });
        const before = await page.locator('#log .msg.bot').count();
        await button.tap();
        await page.waitForFunction((n) => document.querySelectorAll('#log .msg.bot').length > n, before, { timeout: 15000 });
      }
      await page.locator('#choices button').first().waitFor({ state: 'visible', timeout: 15000 });
      const lastBeforeClosing = (await page.locator('#log .msg.bot').allInnerTexts()).pop();
      await page.close();
      const again = await context.newPage();
      await opened(again, url);
      await again.locator('#choices button').first().waitFor({ state: 'visible', timeout: 15000 });
      // A replayed conversation shows its answers; wait for them, or be sure none come.
      await again.waitForFunction(() => document.querySelectorAll('#log .msg.user').length >= 2, null, { timeout: 3000 }).catch(() => {});
      const result = {
        userBubbles: await again.locator('#log .msg.user').count(),
        sameQuestion: (await again.locator('#log .msg.bot').allInnerTexts()).pop() === lastBeforeClosing,
      };
      if (url === invitationUrl) {
        // The link opened once more while that tab is still open: both tabs go on, without taking the
        // conversation's socket from each other again and again, and an answer in one shows in both.
        let sockets = 0;
        again.on('websocket', () => sockets++);
        const third = await context.newPage();
        third.on('websocket', () => sockets++);
        await opened(third, url);
        await third.waitForTimeout(6000);
        const before = await again.locator('#log .msg.bot').count();
        await third.locator('#choices button').first().tap();
        await again.waitForFunction((n) => document.querySelectorAll('#log .msg.bot').length > n, before, { timeout: 15000 });
        result.socketsWithTwoTabs = sockets;
        await third.close();
      }
      await again.close();
      return result;
    };
    return { invitation: await reopen(invitationUrl), open: await reopen(openUrl) };
    // (the last tab of each is closed above, so the open link's starts in a browser with none open)
  } finally {
    await browser.close();
  }
});
