// Trying to stuff the open desk link, as the issue found it done: one browser with several tabs
// of the page, then fresh browser profiles, all from one address, each tapping through the survey.
// Options: { url, tabs, freshProfiles }. Reports what each attempt was told at the end.
import { finish, launch, opened, run } from './browser.mjs';

const endings = { declined: 'đã gửi phiếu khảo sát cho' };

async function newPage(browser, context) {
  const page = await (context || await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'vi-VN' })).newPage();
  return page;
}

run(async ({ url, tabs, freshProfiles }) => {
  const browser = await launch();
  try {
    const outcomes = [];
    // One browser: the first tab gets the device token; the others open while it is still answering.
    const context = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'vi-VN' });
    const pages = [];
    for (let i = 0; i < tabs; i++) {
      const page = await context.newPage();
      await opened(page, url);
      pages.push(page);
    }
    for (const page of pages) {
      // As a person switches tabs (Chromium throttles the ones in the background).
      await page.bringToFront();
      outcomes.push({ attempt: 'tab', outcome: await finish(page, endings) });
    }
    for (let i = 0; i < freshProfiles; i++) {
      const page = await newPage(browser);
      await opened(page, url);
      outcomes.push({ attempt: 'fresh-profile', outcome: await finish(page, endings) });
    }
    return { outcomes };
  } finally {
    await browser.close();
  }
});
