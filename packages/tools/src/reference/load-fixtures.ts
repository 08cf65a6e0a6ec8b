// Reads the contract fixtures file (the ids and keys the scenarios use) and checks that every
// entry the reference implementation seeds from is there and well formed, so that a bad file
// fails at start with a clear message instead of as odd answers later.
import { readFileSync } from 'node:fs';
import { apiKeyPattern } from '@off-ramp/client';
import { defaultFixturesPath } from '../spec/contract-files.ts';
import { patternOf } from '../spec/schema-facts.ts';
import { loadBundledSpec } from '../spec/spec-schemas.ts';
import { type PartnerAgreement, partnerAgreementOf } from '../contract/partner-agreement.ts';

/** The entries of the fixtures file (default: `fixtures/contract-fixtures.json` of this package) the reference implementation reads. */
export interface ContractFixtures {
  apiKeys: { valid: string; unknown: string; malformed: string; invalidFlow: string; otherPartner: string };
  users: { verified: string; unverified: string; receiverAccount: string; other: string };
  quotes: { valid: string; expired: string; onRamp: string };
  bankInformation: { owned: string; otherUser: string; otherPartner: string; unknown: string };
  receivers: { verified: string; unverified: string; otherUser: string; unknown: string };
  fiatCurrencies: { unavailable: string };
  blockchains: { unavailable: string };
  tokens: { nonStable: string };
  amounts: { fiatOutOfRange: number; cryptoOutOfRange: number };
  /** The partner agreement the reference implementation seeds its partners and market from. */
  partnerAgreement: PartnerAgreement;
}

export { defaultFixturesPath };

// Each entry must have the form the spec gives its field (the key form is the security scheme's).
const spec = loadBundledSpec();
const uuid = patternOf(spec, 'Uuid');
const apiKey = new RegExp(apiKeyPattern);
const anyString = /^.+$/s;

// Each entry: group, name, and what its value must look like.
const entries: (readonly [keyof ContractFixtures, string, RegExp | 'number'])[] = [
  ['apiKeys', 'valid', apiKey],
  ['apiKeys', 'unknown', apiKey],
  ['apiKeys', 'malformed', anyString],
  ['apiKeys', 'invalidFlow', apiKey],
  ['apiKeys', 'otherPartner', apiKey],
  ...(['verified', 'unverified', 'receiverAccount', 'other'] as const).map((name) => ['users', name, uuid] as const),
  ...(['valid', 'expired', 'onRamp'] as const).map((name) => ['quotes', name, uuid] as const),
  ...(['owned', 'otherUser', 'otherPartner', 'unknown'] as const).map((name) => ['bankInformation', name, uuid] as const),
  ...(['verified', 'unverified', 'otherUser', 'unknown'] as const).map((name) => ['receivers', name, uuid] as const),
  ['fiatCurrencies', 'unavailable', patternOf(spec, 'FiatCurrency')],
  ['blockchains', 'unavailable', patternOf(spec, 'BlockchainSymbol')],
  ['tokens', 'nonStable', patternOf(spec, 'TokenSymbol')],
  ['amounts', 'fiatOutOfRange', 'number'],
  ['amounts', 'cryptoOutOfRange', 'number'],
];

/** Checks a parsed fixtures document; throws one error listing every missing or malformed entry. */
export function checkFixtures(document: unknown, source = 'fixtures'): ContractFixtures {
  const problems: string[] = [];
  const groups = (typeof document === 'object' && document !== null ? document : {}) as Record<string, unknown>;
  for (const [group, name, shape] of entries) {
    const values = groups[group];
    const value = typeof values === 'object' && values !== null ? (values as Record<string, unknown>)[name] : undefined;
    const ok = shape === 'number' ? typeof value === 'number' && Number.isFinite(value) : typeof value === 'string' && shape.test(value);
    if (!ok)
      problems.push(`${group}.${name} ${value === undefined ? 'is missing' : `is not ${shape === 'number' ? 'a number' : `a string matching ${shape}`}`}`);
  }
  for (const group of ['apiKeys', 'users', 'quotes', 'bankInformation', 'receivers'] as const) {
    const values = Object.values((groups[group] ?? {}) as Record<string, unknown>);
    if (new Set(values).size !== values.length) problems.push(`the entries of ${group} must be distinct`);
  }
  const keys = document ? (document as ContractFixtures).apiKeys : undefined;
  if (keys && typeof keys.malformed === 'string' && apiKey.test(keys.malformed)) problems.push('apiKeys.malformed must not have the form of a key');
  if (problems.length > 0) throw new Error(`${source}: ${problems.join('; ')}`);
  // A file without a partner agreement (written before it existed) gets the default file's.
  const agreement = partnerAgreementOf(groups as never) ?? partnerAgreementOf(JSON.parse(readFileSync(defaultFixturesPath, 'utf8')));
  if (!agreement) throw new Error(`${defaultFixturesPath} states no partnerAgreement`);
  return { ...(document as ContractFixtures), partnerAgreement: agreement };
}

/** Reads and checks a fixtures file (by default the fixtures file (default: `fixtures/contract-fixtures.json` of this package)). */
export function loadFixtures(path = defaultFixturesPath): ContractFixtures {
  return checkFixtures(JSON.parse(readFileSync(path, 'utf8')), path);
}
