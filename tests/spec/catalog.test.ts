// One catalog, four places: the seed's tables (fixture), the response schemas' rows, the named
// response examples, and the table in the operation description. They must all agree.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { errorCatalogFromSpec } from '../../packages/tools/src/spec/error-catalog.ts';
import { projectRoot } from '../../scripts/lib/generated-dir.ts';
import { operation, requestExamples, responseExamples, spec } from '../support/spec.ts';

const catalog = errorCatalogFromSpec(spec);

/** Rows `| status | code | message |` of a Markdown table, cells trimmed. */
function tableRows(markdown: string): string[][] {
  return markdown
    .split('\n')
    .filter((line) => /^\|\s*4\d\d\s*\|/.test(line))
    .map((line) =>
      line
        .split('|')
        .slice(1, -1)
        .map((cell) => cell.trim()),
    );
}

// The seed lost the range numbers and wraps messages in curly quotes: compare on that footing.
const asInSeed = (message: string) => message.replace(' {min} and {max}', ' and').trim();
const seedRows = tableRows(readFileSync(resolve(projectRoot, 'tests/fixtures/seed-error-catalog.md'), 'utf8')).map(([status, code, message]) => ({
  status: Number(status),
  code,
  message: message!.replace(/^[”“"]|[”“"]$/g, '').trim(),
}));

describe('error catalog', () => {
  // Transport limits this contract adds to the provider's tables; every other row is the seed's.
  const transportRows = [
    { status: 408, code: 'REQUEST_TIMEOUT', message: 'Request was not received in full within 10 seconds' },
    { status: 413, code: 'PAYLOAD_TOO_LARGE', message: 'Request body is larger than 65536 bytes' },
    { status: 431, code: 'REQUEST_HEADERS_TOO_LARGE', message: 'Request headers are larger than 16384 bytes' },
  ];

  test('the seed has 23 rows and the spec defines exactly those rows, plus the three transport rows', () => {
    expect(seedRows).toHaveLength(23);
    const specRows = catalog.map(({ status, code, message }) => ({ status, code, message: asInSeed(message) }));
    expect(new Set(specRows.map((r) => JSON.stringify(r)))).toEqual(new Set([...seedRows, ...transportRows].map((r) => JSON.stringify(r))));
    expect(specRows).toHaveLength(seedRows.length + transportRows.length);
  });

  test('the two range rows are templates with {min} and {max}', () => {
    const templates = catalog.filter((row) => row.messagePattern);
    expect(templates.map((row) => row.code).sort()).toEqual(['INVALID_FIAT_AMOUNT_ERROR', 'INVALID_TOKEN_AMOUNT_ERROR']);
    for (const row of templates) expect(row.message).toMatch(/Should be between \{min\} and \{max\}$/);
  });

  test.each(catalog.map((row) => [row.name, row] as const))('%s has a response example of its status with its code and message', (name, row) => {
    const example = responseExamples[name];
    expect(example, `no response example named ${name}`).toBeDefined();
    expect(example!.status).toBe(row.status);
    expect(example!.value.error.code).toBe(row.code);
    if (row.messagePattern) expect(example!.value.error.message).toMatch(new RegExp(row.messagePattern, 'u'));
    else expect(example!.value.error.message).toBe(row.message);
  });

  test.each(catalog.map((row) => [row.name] as const))('%s has a request example of the same name', (name) => {
    expect(requestExamples[name]).toBeDefined();
  });

  test('every error response example is a catalog row (no example outside the catalog)', () => {
    const errorExamples = Object.entries(responseExamples)
      .filter(([, e]) => e.status >= 400)
      .map(([name]) => name);
    expect(errorExamples.sort()).toEqual(catalog.map((row) => row.name).sort());
  });

  test('the table in the operation description equals the catalog (it follows the seed order)', () => {
    const described = tableRows(operation.description).map(([status, code, message, example]) => ({
      status: Number(status),
      code: code!.replaceAll('`', ''),
      message,
      name: example!.replaceAll('`', ''),
    }));
    const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);
    expect(described.sort(byName)).toEqual(catalog.map(({ status, code, message, name }) => ({ status, code, message, name })).sort(byName));
  });
});
