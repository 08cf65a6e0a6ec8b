// The step `body`: a JSON object must not repeat a member name. JSON.parse keeps the last of them, but RFC
// 8259 leaves the meaning open, so a parser in front of this server (a gateway, a WAF) may read
// the first one and check another body than the one this server acts on. jsonc-parser's scanner
// tokenizes the text (already known to be strict JSON: JSON.parse accepted it) without recursion,
// so a body nested 30 000 levels deep is scanned like any other.
import { createScanner } from 'jsonc-parser';
import type { OffRampErrorDetail as ErrorDetail } from '@off-ramp/client';

// jsonc-parser's SyntaxKind is a const enum, which isolated modules cannot read: its values here.
const openBrace = 1;
const closeBrace = 2;
const openBracket = 3;
const closeBracket = 4;
const comma = 5;
const stringLiteral = 10;

// The spec's ErrorDetail caps (path and message at most 300 characters).
const maxPathLength = 300;
const maxQuotedName = 200;

type Frame = { kind: 'object'; pointer: string; names: Set<string>; key: string } | { kind: 'array'; pointer: string; index: number };

const escapePointer = (name: string) => name.replaceAll('~', '~0').replaceAll('/', '~1');

function detailFor(pointer: string, name: string): ErrorDetail {
  let path = pointer;
  while (path.length > maxPathLength) path = path.slice(0, path.lastIndexOf('/'));
  const quoted = JSON.stringify(name);
  return { path, message: quoted.length <= maxQuotedName ? `must not repeat the member name ${quoted}` : 'must not repeat a member name' };
}

/**
 * The first repeated member name of a JSON text, as a detail at the JSON Pointer of the object
 * that holds it; undefined when no object repeats a name. Names compare after unescaping
 * (`"a"` and `"\u0061"` are the same name). Expects text that JSON.parse accepted.
 */
export function findDuplicateMember(text: string): ErrorDetail | undefined {
  const scanner = createScanner(text, true);
  const stack: Frame[] = [];
  let previous = 0;
  const childPointer = (): string => {
    const parent = stack.at(-1);
    if (!parent) return '';
    return parent.kind === 'object' ? `${parent.pointer}/${escapePointer(parent.key)}` : `${parent.pointer}/${parent.index}`;
  };
  for (let token = scanner.scan(); token !== 17; token = scanner.scan()) {
    const top = stack.at(-1);
    if (token === openBrace) stack.push({ kind: 'object', pointer: childPointer(), names: new Set(), key: '' });
    else if (token === openBracket) stack.push({ kind: 'array', pointer: childPointer(), index: 0 });
    else if (token === closeBrace || token === closeBracket) stack.pop();
    else if (token === comma && top?.kind === 'array') top.index++;
    else if (token === stringLiteral && top?.kind === 'object' && (previous === openBrace || previous === comma)) {
      // A string right after `{` or `,` inside an object is a member name.
      const name = scanner.getTokenValue();
      if (top.names.has(name)) return detailFor(top.pointer, name);
      top.names.add(name);
      top.key = name;
    }
    previous = token;
  }
  return undefined;
}
