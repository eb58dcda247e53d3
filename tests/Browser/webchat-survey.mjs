// Microsoft's Web Chat (botframework-webchat, UMD bundle) on a page of another origin, talking to
// our Direct Line host with a token, completes a citizen survey by clicking the suggested actions.
// Options: { domain, token, link, webSocket, webchatJs, port }. The page is served from
// http://127.0.0.1:{port}, a real loopback server of another origin than the bot's, so CORS is
// exercised (Chromium also refuses pages of unknown address calling loopback ones).
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { launch, run, thanks } from './browser.mjs';

run(async ({ domain, token, link, webSocket, webchatJs, port }) => {
  const origin = `http://127.0.0.1:${port}`;
  const site = createServer((request, response) => {
    if (request.url === '/webchat.js') {
      response.writeHead(200, { 'Content-Type': 'text/javascript' });
      return response.end(readFileSync(webchatJs));
    }
    response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    response.end(hostPage(token, domain, link, webSocket));
  });
  await new Promise((resolve) => site.listen(port, '127.0.0.1', resolve));
  const browser = await launch();
  try {
    const page = await (await browser.newContext({ viewport: { width: 420, height: 800 } })).newPage();
    const errors = [];
    const consoleLines = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('console', (m) => consoleLines.push(`${m.type()}: ${m.text()}`));
    page.on('requestfailed', (r) => consoleLines.push(`request failed: ${r.method()} ${r.url()} ${r.failure() && r.failure().errorText}`));
    // The commune's own website, as Microsoft's samples embed Web Chat: a token from its server,
    // and a welcome event (our startSurvey) sent once Direct Line is connected.
    await page.goto(`${origin}/`);
    let taps = 0;
    for (;;) {
      const transcript = await page.locator('.webchat__bubble__content').allInnerTexts();
      if (transcript.some((t) => t.includes(thanks))) {
        break;
      }
      if (taps > 20) {
        throw new Error('No end after 20 answers: ' + transcript.join(' | '));
      }
      const button = page.locator('button.webchat__suggested-action').first();
      try {
        await button.waitFor({ state: 'visible', timeout: 15000 });
      } catch (e) {
        throw new Error(`No button after ${taps} answers. Transcript: ${transcript.join(' | ')}\nConsole: ${consoleLines.slice(-20).join('\n')}\nErrors: ${errors.join('\n')}`);
      }
      const before = await page.locator('.webchat__bubble__content').count();
      await button.click();
      taps++;
      // Wait for the bot's next message (the echo of our answer comes first, then the reply).
      await page.waitForFunction((n) => document.querySelectorAll('.webchat__bubble__content').length >= n + 2, before, { timeout: 15000 });
    }
    const failed = await page.getByText('Send failed').count();
    return { taps, failed, errors, bubbles: await page.locator('.webchat__bubble__content').count() };
  } finally {
    await browser.close();
    site.close();
  }
});

// The commune's own website, as Microsoft's samples embed Web Chat: a token from its server, and
// a welcome event (our startSurvey) sent once Direct Line is connected.
function hostPage(token, domain, link, webSocket) {
  return `<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8"><script src="/webchat.js"></script></head>
<body style="margin:0"><div id="webchat" role="main" style="height:100vh"></div>
<script>
  const store = window.WebChat.createStore({}, ({ dispatch }) => (next) => (action) => {
    if (action.type === 'DIRECT_LINE/CONNECT_FULFILLED') {
      dispatch({ type: 'WEB_CHAT/SEND_EVENT', payload: { name: 'startSurvey', value: { link: ${JSON.stringify(link)} } } });
    }
    return next(action);
  });
  window.WebChat.renderWebChat({
    directLine: window.WebChat.createDirectLine({ token: ${JSON.stringify(token)}, domain: ${JSON.stringify(domain)}, webSocket: ${webSocket} }),
    store, locale: 'vi-VN'
  }, document.getElementById('webchat'));
</script></body></html>`;
}
