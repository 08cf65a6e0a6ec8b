// npm run docs:screenshot: builds the docs page and saves a full-page screenshot of it for people
// to look at (dist/docs-screenshot.png), taken in Debian's Chromium with the network cut off.
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { openOffline } from '../support/offline-browser.ts';
import { docsPage, docsScreenshot } from './lib/docs-paths.ts';
import { projectRoot } from './lib/generated-dir.ts';

execFileSync(process.execPath, ['--import', 'tsx', resolve(projectRoot, 'scripts', 'build-docs.ts')], { cwd: projectRoot, stdio: 'inherit' });
const offline = await openOffline(pathToFileURL(docsPage).href);
try {
  const { page } = offline;
  // Interactive once React has hydrated the server-rendered page.
  await page.waitForFunction(() => {
    const node = document.querySelector('#redoc a');
    return node !== null && Object.keys(node).some((key) => key.startsWith('__reactFiber'));
  });
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
