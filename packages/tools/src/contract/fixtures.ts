// Fixtures: the ids, keys and values a server under test knows. The spec's request examples are
// written with the default fixtures (packages/tools/fixtures/contract-fixtures.json); a run against another server
// swaps each default value for the chosen file's value at the same path, matched by value.
import { readFileSync } from 'node:fs';
import { withoutPartnerAgreement } from './partner-agreement.ts';

export type Fixtures = { [key: string]: Fixtures | string | number };

export { defaultFixturesPath } from '../spec/contract-files.ts';

export function loadFixtures(path: string): Fixtures {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`Cannot read the fixtures file ${path}: ${(error as Error).message}`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error(`The fixtures file ${path} must hold a JSON object`);
  return parsed as Fixtures;
}

/** Every leaf of a fixtures object as [dotted path, value]. */
function leaves(fixtures: Fixtures, prefix = ''): [string, string | number][] {
  return Object.entries(fixtures).flatMap(([key, value]) =>
    typeof value === 'object' ? leaves(value, `${prefix}${key}.`) : [[`${prefix}${key}`, value] as [string, string | number]],
  );
}

/** The value at a dotted fixture path such as `apiKeys.valid`. */
export function fixtureAt(fixtures: Fixtures, path: string): string | number {
  const value = path.split('.').reduce<Fixtures | string | number | undefined>((node, key) => (typeof node === 'object' ? node[key] : undefined), fixtures);
  if (typeof value !== 'string' && typeof value !== 'number') throw new Error(`The fixtures have no value at ${path}`);
  return value;
}

/** Replaces default fixture values, found by value anywhere in a JSON value, with the chosen ones. */
export type FixtureSubstitution = <T>(value: T) => T;

/**
 * Builds the substitution from the default fixtures to the chosen ones. The chosen file must have
 * a value of the same type at every path of the default file; the default values must be unique,
 * or a value in a request could not be traced back to one fixture. The partner agreement is facts,
 * not identities: it is neither required nor substituted.
 */
export function fixtureSubstitution(defaults: Fixtures, chosen: Fixtures): FixtureSubstitution {
  const byValue = new Map<string, string | number>();
  const problems: string[] = [];
  for (const [path, defaultValue] of leaves(withoutPartnerAgreement(defaults))) {
    const key = JSON.stringify(defaultValue);
    if (byValue.has(key)) throw new Error(`Default fixture value ${key} appears twice; fixture values must be unique`);
    let chosenValue: string | number;
    try {
      chosenValue = fixtureAt(chosen, path);
    } catch {
      problems.push(`missing ${path} (a ${typeof defaultValue})`);
      continue;
    }
    if (typeof chosenValue !== typeof defaultValue) problems.push(`${path} must be a ${typeof defaultValue}, not ${JSON.stringify(chosenValue)}`);
    byValue.set(key, chosenValue);
  }
  if (problems.length > 0) throw new Error(`The fixtures file does not match the default fixtures' shape: ${problems.join('; ')}`);

  const substitute = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(substitute);
    if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, substitute(v)]));
    const replacement = byValue.get(JSON.stringify(value));
    return replacement === undefined ? value : replacement;
  };
  return substitute as FixtureSubstitution;
}

/** Fixture values that are secrets: every partner key (the `apiKeys` group). */
export function fixtureSecrets(fixtures: Fixtures): { label: string; value: string }[] {
  const keys = fixtures.apiKeys;
  if (typeof keys !== 'object') return [];
  return leaves(keys, 'apiKeys.').flatMap(([label, value]) => (typeof value === 'string' ? [{ label, value }] : []));
}

// What an HTTP header value may hold here: visible ASCII, no spaces, no line breaks.
const headerSafe = /^[\x21-\x7e]+$/;

/** Fails, without quoting any key, when a key could not be sent as a header value (e.g. a trailing newline). */
export function checkFixtureKeys(fixtures: Fixtures): void {
  const bad = fixtureSecrets(fixtures)
    .filter((secret) => !headerSafe.test(secret.value))
    .map((secret) => secret.label);
  if (bad.length > 0)
    throw new Error(
      `The fixtures' ${bad.join(', ')} cannot be sent as a header value (a space, a line break or a non-ASCII character; check for a trailing newline)`,
    );
}
