// The docs page in a real browser with the network cut off: it must render the whole contract
// from file:// and ask nothing of the outside world. What it must show is read from the spec.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { docsDir, docsPage } from '../../scripts/lib/docs-paths.ts';
import { buildDocs } from '../../packages/tools/src/docs/build-docs.ts';
import { docsPresentation, shapeNameSeparator } from '../../packages/tools/src/docs/docs-presentation.ts';
import { loadBundledSpec } from '../../packages/tools/src/spec/spec-schemas.ts';
import { errorCatalogFromSpec } from '../../packages/tools/src/spec/error-catalog.ts';
import { offRampPath } from '../../packages/client/generated/protocol.ts';
import { openOffline, type OfflinePage } from '../../support/offline-browser.ts';
import { redocHydrated } from '../../support/redoc-page.ts';
import { spec } from '../support/spec.ts';

const operation = spec.paths[offRampPath]!.post;
const schemas = spec.components.schemas as Record<string, any>;
const refName = (ref: string) => ref.split('/').pop()!;
const resolveSchema = (schema: any): any => (typeof schema?.$ref === 'string' ? resolveSchema(schemas[refName(schema.$ref)]) : schema);

/** Titles of every `oneOf` alternative reachable from a component schema, following $refs. */
function oneOfTitlesUnder(name: string): string[] {
  const titles = new Set<string>();
  const seen = new Set<unknown>();
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const item of node) walk(item);
      return;
    }
    if (typeof node !== 'object' || node === null || seen.has(node)) return;
    seen.add(node);
    const schema = node as Record<string, any>;
    if (typeof schema.$ref === 'string') {
      walk(schemas[refName(schema.$ref)]);
      return;
    }
    for (const alternative of schema.oneOf ?? []) {
      const title = resolveSchema(alternative)?.title;
      if (typeof title === 'string') titles.add(title);
    }
    Object.values(schema).forEach(walk);
  };
  walk(schemas[name]);
  return [...titles];
}

/** Summaries of the named examples of a media type: what the docs offer to pick an example by. */
const exampleSummaries = (media: any): string[] =>
  Object.values<{ $ref: string }>(media.examples).map((ref) => spec.components.examples[refName(ref.$ref)]!.summary!);

const requestSchemaName = refName(operation.requestBody.content['application/json'].schema.$ref);
const bankVariantTitles: string[] = schemas.BankInformation.oneOf.map((variant: any) => resolveSchema(variant).title);

let offline: OfflinePage;
let page: Page;
let hydrated = false;

beforeAll(async () => {
  // What `npm run docs` does (scripts/build-docs.ts), without a process of its own.
  buildDocs(docsDir);
  offline = await openOffline(pathToFileURL(docsPage).href);
  page = offline.page;
  page.setDefaultTimeout(10_000);
  // A page whose script cannot load never hydrates: the first test says why.
  hydrated = await redocHydrated(page).then(
    () => true,
    () => false,
  );
});

test("Redoc reads the presentation decorator's output: the spec as docsPresentation rewrites it, not the spec itself", () => {
  const read = JSON.parse(readFileSync(resolve(docsDir, 'openapi.presentation.json'), 'utf8'));
  expect(read).toEqual(docsPresentation(loadBundledSpec()));
  // Without the decorator it would be the spec itself, which differs (so the check above can fail).
  expect(loadBundledSpec()).not.toEqual(read);
});

afterAll(async () => {
  await offline?.close();
});

/** Clicks every "Expand all" of the operation, so that nothing of the schemas stays folded. */
async function expandAll(scope: Locator): Promise<void> {
  const buttons = scope.getByRole('button', { name: 'Expand all' });
  for (let i = (await buttons.count()) - 1; i >= 0; i--) await buttons.nth(i).click();
}

/** Names of the alternatives a switcher offers: its tabs, or the items of its drop-down menu. */
async function alternativesIn(scope: Locator): Promise<Set<string>> {
  const names = new Set<string>();
  for (const tab of await scope.getByRole('tab').filter({ visible: true }).all()) names.add((await tab.innerText()).trim());
  for (const dropdown of await scope.locator('[data-component-name="Dropdown/Dropdown"]').filter({ visible: true }).all()) {
    const toggle = dropdown.getByRole('button').first();
    await toggle.click();
    await page.getByRole('menuitem').filter({ visible: true }).first().waitFor();
    for (const item of await page.getByRole('menuitem').filter({ visible: true }).all()) names.add((await item.innerText()).trim());
    if ((await toggle.getAttribute('aria-expanded')) === 'true') await toggle.click();
  }
  return names;
}

/** Scrolls through `scope` as a reader would: Redoc renders schema details only near the viewport. */
async function readThrough(scope: Locator): Promise<void> {
  const box = await scope.boundingBox();
  if (!box) return;
  const top = box.y + (await page.evaluate(() => window.scrollY));
  for (let y = top; y < top + box.height; y += 400) {
    await page.evaluate((to) => window.scrollTo(0, to), y);
    await page.waitForTimeout(100);
  }
}

describe('docs page (dist/docs/index.html) in Chromium, offline', () => {
  test('loads from file:// with the network blocked, needs nothing outside, and becomes interactive', () => {
    expect(offline.outsideRequests, 'requests that reached the network').toEqual([]);
    expect(offline.outsideAttempts, 'requests the page attempted outside itself').toEqual([]);
    expect(offline.pageErrors).toEqual([]);
    expect(hydrated, 'Redoc hydrated the page').toBe(true);
  });

  test('shows no broken image: every image it shows has loaded and none failed, with the sidebar shown or hidden', async () => {
    expect(await offline.brokenImages(), 'broken images').toEqual([]);
    // The hidden sidebar renders images of its own (Redoc's badge has a logo for each state).
    await page.getByRole('button', { name: 'Hide sidebar', exact: true }).click();
    await page.getByRole('button', { name: 'Show sidebar', exact: true }).waitFor();
    expect(await offline.brokenImages(), 'broken images with the sidebar hidden').toEqual([]);
    await page.getByRole('button', { name: 'Show sidebar', exact: true }).click();
    await page.getByRole('button', { name: 'Hide sidebar', exact: true }).waitFor();
  });

  test('the operation is one click away: its tag in the sidebar', async () => {
    await page.getByRole('link', { name: operation.tags[0], exact: true }).first().click();
    const section = page.locator(`[id="${operation.tags[0].toLowerCase()}/${operation.operationId.toLowerCase()}"]`);
    await expect.poll(() => section.getByRole('heading', { name: operation.summary }).isVisible(), { timeout: 10_000 }).toBe(true);
    await expect.poll(() => section.getByText(offRampPath, { exact: true }).first().isVisible(), { timeout: 10_000 }).toBe(true);
    await expandAll(section);
  });

  test('a link to the operation opens it directly', async () => {
    const link = await page.getByRole('link', { name: operation.summary }).first().getAttribute('href');
    expect(link).toMatch(/^#\//);
    const tab = await offline.openAnother(pathToFileURL(docsPage).href + link);
    try {
      const section = tab.locator(`[id="${link!.slice(2)}"]`);
      await expect.poll(() => section.getByRole('heading', { name: operation.summary }).isVisible(), { timeout: 10_000 }).toBe(true);
      expect(await tab.getByText('Something went wrong').count(), 'Redoc rendering error').toBe(0);
    } finally {
      await tab.close();
    }
  });

  test.each(errorCatalogFromSpec(spec).map((row) => [`${row.status} ${row.code}: ${row.message}`, row] as const))(
    'the error catalog table shows %s',
    async (_, row) => {
      const tableRow = page
        .getByRole('row')
        .filter({ has: page.getByRole('cell', { name: row.code, exact: true }) })
        .filter({ has: page.getByRole('cell', { name: row.message, exact: true }) });
      expect(await tableRow.count(), `catalog row ${row.name} in the description table`).toBeGreaterThan(0);
      expect(await tableRow.first().isVisible()).toBe(true);
    },
  );

  test('the request body names every oneOf alternative of the spec, each bank variant and account holder included', async () => {
    const expected = oneOfTitlesUnder(requestSchemaName);
    expect(expected).toEqual(expect.arrayContaining(bankVariantTitles));
    const body = page.locator(`[id$="/request/body"]`).first();
    await readThrough(body);
    const shown = await alternativesIn(body);
    // Follow every tab, so that switchers nested in an alternative (the account holder of a bank variant) show too.
    const clicked = new Set<string>();
    for (let more = true; more; ) {
      more = false;
      for (const tab of await body.getByRole('tab').filter({ visible: true }).all()) {
        const name = (await tab.innerText()).trim();
        if (clicked.has(name)) continue;
        clicked.add(name);
        more = true;
        await tab.click();
        await expect.poll(() => tab.getAttribute('aria-selected'), { timeout: 10_000 }).toBe('true');
        await readThrough(body);
        for (const found of await alternativesIn(body)) shown.add(found);
      }
    }
    const names = new Set([...shown].flatMap((label) => label.split(shapeNameSeparator)));
    expect(
      bankVariantTitles.filter((title) => !names.has(title)),
      'bank variants not shown by name',
    ).toEqual([]);
    expect(
      expected.filter((title) => !names.has(title)),
      `oneOf alternatives not shown by name (shown: ${[...shown].join(' | ')})`,
    ).toEqual([]);
    expect(
      [...shown].filter((label) => /^(Option|case|Variant) \d|\(\d+\)$/.test(label)),
      'alternatives shown without a name',
    ).toEqual([]);
  });

  test('each valid request shape lists exactly the top-level properties it allows', async () => {
    const request = schemas[requestSchemaName];
    const names = Object.keys(request.properties);
    const rules: any[][] = request.allOf
      .map(resolveSchema)
      .filter((rule: any) => Array.isArray(rule.oneOf))
      .map((rule: any) => rule.oneOf.map(resolveSchema));
    const shapes = rules.reduce<any[][]>((combos, alternatives) => combos.flatMap((combo) => alternatives.map((alternative) => [...combo, alternative])), [[]]);
    expect(shapes.length).toBeGreaterThan(1);
    const body = page.locator(`[id$="/request/body"]`).first();
    for (const shape of shapes) {
      const label = shape.map((alternative) => alternative.title).join(shapeNameSeparator);
      const forbidden = new Set(
        shape.flatMap((alternative) => Object.keys(alternative.properties ?? {}).filter((name) => alternative.properties[name] === false)),
      );
      await body.locator('[data-component-name="Dropdown/Dropdown"]').first().getByRole('button').first().click();
      await page.getByRole('menuitem').filter({ visible: true }).filter({ hasText: label }).first().click();
      await readThrough(body);
      const lines = new Set((await body.innerText()).split('\n').map((line) => line.trim()));
      expect(
        names.filter((name) => lines.has(name)),
        label,
      ).toEqual(names.filter((name) => !forbidden.has(name)));
    }
  });

  test('request examples are offered, and shown, by their scenario names', async () => {
    const requestSamples = page
      .locator('[data-testid="right-panel"]')
      .filter({ has: page.getByText('Payload', { exact: true }) })
      .first();
    const offered = await alternativesIn(requestSamples);
    const summaries = exampleSummaries(operation.requestBody.content['application/json']);
    expect(summaries.filter((summary) => !offered.has(summary))).toEqual([]);
    const last = Object.values<{ $ref: string }>(operation.requestBody.content['application/json'].examples).at(-1)!;
    const example = spec.components.examples[refName(last.$ref)]!;
    // The sample panel opens on the first example; its drop-down is the one showing that name.
    await requestSamples.getByRole('button').filter({ hasText: summaries[0] }).first().click();
    await page.getByRole('menuitem').filter({ visible: true }).filter({ hasText: example.summary! }).first().click();
    const sample = await requestSamples.locator('pre').first().innerText();
    for (const key of Object.keys(example.value as object)) expect(sample).toContain(`"${key}"`);
  });

  test.each(Object.keys(operation.responses))('response examples of %s are offered by their scenario names', async (status) => {
    const responseSamples = page
      .locator('[data-testid="right-panel"]')
      .filter({ has: page.getByRole('button', { name: status, exact: true }) })
      .first();
    await responseSamples.getByRole('button', { name: status, exact: true }).click();
    const media = spec.components.responses[refName(operation.responses[status].$ref)].content['application/json'];
    const summaries = exampleSummaries(media);
    if (summaries.length === 1) {
      // A response with one example has nothing to pick: Redoc shows that example at once.
      const only = spec.components.examples[refName(Object.values<{ $ref: string }>(media.examples)[0]!.$ref)]!.value as { error: { code: string } };
      expect(await responseSamples.locator('pre').first().innerText()).toContain(only.error.code);
      return;
    }
    const offered = await alternativesIn(responseSamples);
    expect(summaries.filter((summary) => !offered.has(summary))).toEqual([]);
  });

  test('asked nothing of the outside world while being read, and shows no broken image', async () => {
    expect(offline.pageErrors).toEqual([]);
    expect(offline.outsideRequests, 'requests that reached the network').toEqual([]);
    // Not even a request the page's own policy would refuse: Redocly's logo (page.hbs) included.
    expect(offline.outsideAttempts, 'requests the page attempted outside itself').toEqual([]);
    expect(offline.consoleErrors, 'console errors').toEqual([]);
    expect(await offline.brokenImages(), 'broken images').toEqual([]);
  });
});
