// The written docs hold together: every relative link of every Markdown page leads to a file that
// exists, and its #anchor to a heading there; every page under docs/ is one click from the README;
// the README stays short (about 8 kB: what, for whom, quick start, links).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { projectRoot } from '../../scripts/lib/generated-dir.ts';

const pages = [
  'README.md',
  'SECURITY.md',
  'CHANGELOG.md',
  'openapi/README.md',
  'packages/client/README.md',
  'packages/tools/README.md',
  'packages/client/generated/README.md',
  ...readdirSync(resolve(projectRoot, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .map((name) => `docs/${name}`),
];

/** GitHub's anchor of a heading: lower case, punctuation dropped, spaces as hyphens. */
const anchorOf = (heading: string) =>
  heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N} _-]/gu, '')
    .replace(/ /g, '-');

function anchorsOf(markdown: string): Set<string> {
  const outsideCode = markdown.replace(/^```[\s\S]*?^```/gm, '');
  return new Set([...outsideCode.matchAll(/^#{1,6} (.+)$/gm)].map((match) => anchorOf(match[1]!)));
}

/** Relative links of a page that lead nowhere: a missing file, or an anchor with no heading. */
function brokenLinks(page: string, markdown: string): string[] {
  const outsideCode = markdown.replace(/^```[\s\S]*?^```/gm, '');
  return [...outsideCode.matchAll(/\]\(([^)\s]+)\)/g)].flatMap(([, target]) => {
    if (/^[a-z]+:/i.test(target!)) return [];
    const [path, anchor] = target!.split('#');
    const file = path ? resolve(projectRoot, dirname(page), path) : resolve(projectRoot, page);
    if (!existsSync(file)) return [`${page}: ${target} (no such file)`];
    if (anchor && file.endsWith('.md') && !anchorsOf(readFileSync(file, 'utf8')).has(anchor)) return [`${page}: ${target} (no such heading)`];
    return [];
  });
}

describe('Markdown pages', () => {
  test.each(pages)('%s: every relative link leads to a file and a heading', (page) => {
    expect(brokenLinks(page, readFileSync(resolve(projectRoot, page), 'utf8'))).toEqual([]);
  });

  test('a link to a missing file or heading is found (so the check above can fail)', () => {
    const found = brokenLinks(
      'docs/example.md',
      '[a](missing.md) [b](commands.md#no-such-heading) [c](commands.md) [d](https://example.com/x.md)\n```\n[e](inside-code.md)\n```',
    );
    expect(found).toEqual(['docs/example.md: missing.md (no such file)', 'docs/example.md: commands.md#no-such-heading (no such heading)']);
  });

  test('every page under docs/ is linked from the README', () => {
    const readme = readFileSync(resolve(projectRoot, 'README.md'), 'utf8');
    const linked = new Set([...readme.matchAll(/\]\((docs\/[^)#\s]+)/g)].map((match) => match[1]));
    expect(pages.filter((page) => page.startsWith('docs/') && !linked.has(page)).map((page) => relative(projectRoot, resolve(projectRoot, page)))).toEqual([]);
  });

  test('the README is at most 8 kB', () => {
    expect(readFileSync(resolve(projectRoot, 'README.md')).byteLength).toBeLessThanOrEqual(8192);
  });
});
