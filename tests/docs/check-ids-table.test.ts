// The table of checks in docs/contract-suite.md is the closed list of check ids, row for row.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, test } from 'vitest';
import { contractChecks } from '../../packages/tools/src/contract/checks/check-ids.ts';
import { projectRoot } from '../../scripts/lib/generated-dir.ts';

const tableOf = (markdown: string) => {
  const section = /^### The checks\n([\s\S]*?)(?=^### )/m.exec(markdown)?.[1] ?? '';
  return [...section.matchAll(/^\| `([a-z-]+)` \| (.+) \|$/gm)].map((match) => [match[1], match[2]]);
};

test('docs/contract-suite.md lists every check id with its assertion, in order', () => {
  const page = readFileSync(resolve(projectRoot, 'docs/contract-suite.md'), 'utf8');
  expect(tableOf(page)).toEqual(Object.entries(contractChecks));
  // A row dropped from the page is found.
  expect(tableOf(page.replace(/^\| `status` .*\n/m, ''))).not.toEqual(Object.entries(contractChecks));
});
