// Desk staff answering invented cases themselves: each case's invitation page opened and tapped
// through in one browser (the desk's tablet), one after another; then one case on a citizen's own
// phone (a fresh profile). Options: { tabletUrls, phoneUrl }. Reports what each was told at the end.
import { finish, launch, opened, run } from './browser.mjs';

const phone = { viewport: { width: 360, height: 740 }, locale: 'vi-VN' };

run(async ({ tabletUrls, phoneUrl }) => {
  const browser = await launch();
  try {
    const outcomes = [];
    const tablet = await browser.newContext({ viewport: { width: 800, height: 1280 }, locale: 'vi-VN' });
    for (const url of tabletUrls) {
      const page = await tablet.newPage();
      await opened(page, url);
      outcomes.push(await finish(page));
      await page.close();
    }
    const page = await (await browser.newContext(phone)).newPage();
    await opened(page, phoneUrl);
    outcomes.push(await finish(page));
    return { outcomes };
  } finally {
    await browser.close();
  }
});
