// The protocol facts (path, key header, key form, transport limits) are read from the spec into
// generated/protocol.ts, and no library, tool, script or benchmark writes one of them as a literal.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, test } from 'vitest';
import * as protocol from '../../packages/client/generated/protocol.ts';
import { protocolFactsFromSpec } from '../../packages/tools/src/spec/protocol-facts.ts';
import { projectRoot } from '../../scripts/lib/generated-dir.ts';
import { spec } from '../support/spec.ts';

/** Every string, template and regular expression literal of a TypeScript source, with its line. */
function stringLiterals(source: string): { text: string; line: number }[] {
  const file = ts.createSourceFile('x.ts', source, ts.ScriptTarget.Latest, true);
  const found: { text: string; line: number }[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isStringLiteralLike(node) || ts.isTemplateLiteralToken(node) || ts.isRegularExpressionLiteral(node)) {
      found.push({ text: node.text, line: file.getLineAndCharacterOfPosition(node.getStart()).line + 1 });
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

const facts = [protocol.offRampPath, protocol.apiKeyHeader, protocol.apiKeyPattern.slice(1, -1)];
function literalFacts(file: string, source: string): string[] {
  return stringLiterals(source)
    .filter(({ text }) => facts.some((fact) => text.includes(fact)))
    .map(({ text, line }) => `${relative(projectRoot, file)}:${line}: ${text}`);
}

const codeDirs = ['packages/client/src', 'packages/tools/src', 'scripts', 'bench'];
const codeFiles = codeDirs.flatMap((dir) =>
  readdirSync(resolve(projectRoot, dir), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => join(entry.parentPath, entry.name)),
);

describe('protocol facts', () => {
  test('generated/protocol.ts holds what the spec states', () => {
    expect({ ...protocol }).toEqual(protocolFactsFromSpec(spec));
    expect(protocol).toMatchObject({ maxRequestBodyBytes: 65536, maxRequestHeaderBytes: 16384, requestTimeoutSeconds: 10 });
  });

  test('a spec that states a limit nowhere is refused', () => {
    const rows = JSON.parse(JSON.stringify(spec).replaceAll('larger than 65536 bytes', 'too large'));
    expect(() => protocolFactsFromSpec(rows)).toThrow(/PayloadTooLarge states no limit/);
  });

  test('no library, tool, script or benchmark writes the path, the key header or the key form as a literal', () => {
    expect(codeFiles.length).toBeGreaterThan(50);
    expect(codeFiles.flatMap((file) => literalFacts(file, readFileSync(file, 'utf8')))).toEqual([]);
  });

  test('the literal check finds each of them, in a string, a template and a regular expression', () => {
    const source =
      // biome-ignore lint/suspicious/noTemplateCurlyInString: the source of a template literal, as text.
      "const a = '/api/partner/v2/off-ramp';\nconst b = `${base}/api/partner/v2/off-ramp`;\nconst c = { 'partner-api-key': key };\nconst d = /^pk_(live|test)_[A-Za-z0-9]{32}$/;\n// partner-api-key in a comment is prose\n";
    expect(literalFacts(resolve(projectRoot, 'x.ts'), source).map((line) => line.split(':')[1])).toEqual(['1', '2', '3', '4']);
  });
});
