// Debian's Chromium driven by playwright-core, with the network cut off: every request the page
// starts that is not its own (file:, data: or blob:) is recorded, refused by the page or not, and
// aborted if it reaches the network; every image that fails to load is recorded too, so a page that
// needs (or phones) anything outside itself is caught. .ci/run installs Chromium with apt-get when
// /usr/bin/chromium is missing.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const chromiumPath = '/usr/bin/chromium';

const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const isLocal = (url: string) => /^(file|data|blob):/.test(url);

export interface OfflinePage {
  page: Page;
  /** Requests that left the page for the network (and were aborted there). */
  outsideRequests: string[];
  /** Outside requests the page started, whatever became of them (a policy refusing them included). */
  outsideAttempts: string[];
  pageErrors: string[];
  consoleErrors: string[];
  /** Images of `page` (default: the first) that failed to load since it opened, and those it shows without a picture. */
  brokenImages(page?: Page): Promise<string[]>;
  /** Opens another tab of the same profile, watched the same way. */
  openAnother(url: string): Promise<Page>;
  close(): Promise<void>;
}

/** Opens `url` in a fresh headless Chromium profile whose only reachable resources are local. */
export async function openOffline(url: string, viewport = { width: 1440, height: 1000 }): Promise<OfflinePage> {
  const profile = mkdtempSync(join(tmpdir(), 'off-ramp-chromium-'));
  let context: BrowserContext | undefined;
  try {
    context = await chromium.launchPersistentContext(profile, { executablePath: chromiumPath, headless: true, args: chromiumArgs, viewport });
  } catch (error) {
    rmSync(profile, { recursive: true, force: true });
    throw error;
  }
  const result: Omit<OfflinePage, 'page' | 'brokenImages' | 'openAnother' | 'close'> = {
    outsideRequests: [],
    outsideAttempts: [],
    pageErrors: [],
    consoleErrors: [],
  };
  await context.route('**/*', (route) => {
    const requested = route.request().url();
    if (isLocal(requested)) return route.continue();
    result.outsideRequests.push(requested);
    return route.abort('blockedbyclient');
  });
  const watched = new WeakSet<Page>();
  const watch = (page: Page) => {
    if (watched.has(page)) return;
    watched.add(page);
    page.on('request', (request) => {
      if (!isLocal(request.url())) result.outsideAttempts.push(request.url());
    });
    page.on('pageerror', (error) => result.pageErrors.push(String(error.stack ?? error)));
    page.on('console', (message) => {
      if (message.type() === 'error') result.consoleErrors.push(message.text());
    });
  };
  // A failed image fires `error` on its element (React may then remove it): seen in the capture phase.
  await context.addInitScript(() => {
    const failures: string[] = [];
    (window as unknown as { imageFailures: string[] }).imageFailures = failures;
    window.addEventListener(
      'error',
      (event) => {
        if (event.target instanceof HTMLImageElement) failures.push(`failed to load: ${event.target.outerHTML}`);
      },
      true,
    );
  });
  context.on('page', watch);
  const page = context.pages()[0] ?? (await context.newPage());
  watch(page);
  await page.goto(url, { waitUntil: 'load' });
  return {
    ...result,
    page,
    brokenImages: (of = page) =>
      of.evaluate(() => [
        ...(window as unknown as { imageFailures: string[] }).imageFailures,
        ...Array.from(document.images)
          .filter((image) => image.checkVisibility() && !(image.complete && image.naturalWidth > 0))
          .map((image) => `shown without a picture: ${image.outerHTML}`),
      ]),
    async openAnother(another: string) {
      const tab = await context!.newPage();
      await tab.goto(another, { waitUntil: 'load' });
      return tab;
    },
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
