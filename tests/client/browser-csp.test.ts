// The client in a real browser (Debian's Chromium, headless, via playwright-core) under a strict
// Content-Security-Policy: no 'unsafe-eval', scripts and connections from the page's own origin
// only. The page, the bundled client and the API are served by one HTTP server on 127.0.0.1.
import { once } from 'node:events';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser } from 'playwright-core';
import { chromiumPath } from '../../support/offline-browser.ts';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { bundleForBrowser } from '../../support/browser-bundle.ts';
import { requestExamples, responseExamples } from '../support/spec.ts';

const csp = "default-src 'none'; script-src 'self'; connect-src 'self'";
const page = (script: string) => `<!doctype html><meta charset="utf-8"><title>off-ramp</title><script type="module" src="${script}"></script>`;

// Runs in the page: the preflight on a valid and an invalid body, then two calls over the network.
const clientPageScript = `
import { createOffRampClient, validateOffRampRequest } from './client.js';
const valid = ${JSON.stringify(requestExamples.FiatAmountToMexico!.value)};
const invalid = ${JSON.stringify(requestExamples.InvalidUserInput!.value)};
const noBank = ${JSON.stringify(requestExamples.BankSourceMissing!.value)};
const client = createOffRampClient({ baseUrl: location.origin, apiKey: 'pk_test_browser' });
const created = await client.createOffRamp(valid);
const rejected = await client.createOffRamp(noBank, { preflight: false, headers: { 'x-scenario': 'BankSourceMissing' } });
window.__result = {
  valid: validateOffRampRequest(valid),
  invalid: validateOffRampRequest(invalid),
  created: { ok: created.ok, status: created.status, data: created.data },
  rejected: { ok: rejected.ok, status: rejected.status, error: rejected.error, source: rejected.source },
};`;

// Runs in the page: proves the policy is enforced, so that the page above could fail.
const evalPageScript = `
try { window.__result = { evaluated: new Function('return 1')() }; } catch (error) { window.__result = { blocked: error.name }; }`;

let browser: Browser;
let origin: string;
const violations: string[] = [];
const server = createServer((request, response) => {
  const send = (status: number, type: string, body: string, extra: Record<string, string> = {}) =>
    response.writeHead(status, { 'content-type': type, ...extra }).end(body);
  const json = (res: ServerResponse, status: number, body: unknown) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  request.resume().on('end', async () => {
    if (request.url === '/api/partner/v2/off-ramp' && request.method === 'POST') {
      const scenario = String(request.headers['x-scenario'] ?? 'FiatAmountToMexico');
      return json(response, responseExamples[scenario]!.status, responseExamples[scenario]!.value);
    }
    if (request.url === '/client.js') return send(200, 'text/javascript', (await bundleForBrowser()).code);
    if (request.url === '/client-page.js') return send(200, 'text/javascript', clientPageScript);
    if (request.url === '/eval-page.js') return send(200, 'text/javascript', evalPageScript);
    if (request.url === '/client.html') return send(200, 'text/html', page('/client-page.js'), { 'content-security-policy': csp });
    if (request.url === '/eval.html') return send(200, 'text/html', page('/eval-page.js'), { 'content-security-policy': csp });
    send(404, 'text/plain', 'not found');
  });
});

beforeAll(async () => {
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await chromium.launch({ executablePath: chromiumPath, args: ['--no-sandbox'] });
});
afterAll(async () => {
  await browser?.close();
  server.close();
});

/** Loads a page, waits for its script's `__result`, and collects the page's CSP violation reports. */
async function resultOf(path: string) {
  const tab = await browser.newPage();
  await tab.addInitScript(() => {
    const seen: string[] = [];
    (window as { __violations?: string[] }).__violations = seen;
    document.addEventListener('securitypolicyviolation', (event) => seen.push(`${event.effectiveDirective} ${event.blockedURI}`));
  });
  await tab.goto(`${origin}${path}`);
  await tab.waitForFunction(() => (window as { __result?: unknown }).__result !== undefined, undefined, { timeout: 20_000 });
  const [result, seen] = await tab.evaluate(
    () => [(window as { __result?: unknown }).__result, (window as { __violations?: string[] }).__violations ?? []] as const,
  );
  violations.push(...seen);
  await tab.close();
  return result as any;
}

describe('in Chromium, under a CSP without unsafe-eval', () => {
  test('the preflight and the client work, and the policy is never violated', async () => {
    violations.length = 0;
    const result = await resultOf('/client.html');
    expect(result.valid).toEqual({ ok: true, value: requestExamples.FiatAmountToMexico!.value });
    expect(result.invalid).toMatchObject({ ok: false, check: 'shape', error: responseExamples.InvalidUserInput!.value.error });
    expect(result.created).toEqual({ ok: true, status: 201, data: responseExamples.FiatAmountToMexico!.value.data });
    expect(result.rejected).toEqual({ ok: false, status: 400, source: 'server', error: responseExamples.BankSourceMissing!.value.error });
    expect(violations).toEqual([]);
  });

  test('the same policy blocks code generation from strings (so the test above could fail)', async () => {
    violations.length = 0;
    expect(await resultOf('/eval.html')).toEqual({ blocked: 'EvalError' });
    expect(violations).toEqual(['script-src eval']);
  });
});
