// npm run docs:screenshot: builds the docs page and saves a full-page screenshot of it for people
// to look at (dist/docs-screenshot.png), taken in Debian's Chromium with the network cut off.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildDocs } from '../packages/tools/src/docs/build-docs.ts';
import { openOffline } from '../support/offline-browser.ts';
import { redocHydrated } from '../support/redoc-page.ts';
import { docsDir, docsPage, docsScreenshot } from './lib/docs-paths.ts';

buildDocs(docsDir, undefined, (line) => console.log(line));
const offline = await openOffline(pathToFileURL(docsPage).href);
try {
  const { page } = offline;
  await redocHydrated(page);
  // A viewport as tall as the page: Redoc renders schema details only near the viewport.
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.setViewportSize({ width: 1440, height });
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.waitForTimeout(500);
  mkdirSync(dirname(docsScreenshot), { recursive: true });
  await page.screenshot({ path: docsScreenshot, fullPage: true });
  console.log(`docs:screenshot: ${docsScreenshot}`);
} finally {
  await offline.close();
}
