// The docs page (Redoc) is server-rendered: it is interactive once React has hydrated it, which
// shows as a React fiber on the nodes under #redoc. A page whose script cannot load never gets there.
import type { Page } from 'playwright-core';

/** Waits until Redoc has hydrated `page` (within the page's default timeout). */
export async function redocHydrated(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const node = document.querySelector('#redoc a');
    return node !== null && Object.keys(node).some((key) => key.startsWith('__reactFiber'));
  });
}
