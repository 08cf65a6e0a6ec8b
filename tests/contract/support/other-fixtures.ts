// A fixtures file in which every value differs from the default one: ids, keys, symbols, amounts,
// the partner agreement's limits and rates.
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultFixturesPath, loadFixtures, type Fixtures } from '../../../packages/tools/src/contract/fixtures.ts';

const replacements: Record<string, string | number> = {
  'apiKeys.valid': 'pk_live_Aa11Bb22Cc33Dd44Ee55Ff66Gg77Hh88',
  'apiKeys.unknown': 'pk_live_Zz99Yy88Xx77Ww66Vv55Uu44Tt33Ss22',
  'apiKeys.malformed': 'pk_live_too-short',
  'apiKeys.invalidFlow': 'pk_live_Ff00Ll00Oo00Ww00Ff00Ll00Oo00Ww00',
  'apiKeys.otherPartner': 'pk_live_Oo11Tt22Hh33Ee44Rr55Pp66Aa77Rr88',
  'fiatCurrencies.unavailable': 'JPY',
  'blockchains.unavailable': 'ADA',
  'tokens.nonStable': 'wETH',
  'amounts.fiatOutOfRange': 300000,
  'amounts.cryptoOutOfRange': 95000,
};

// Another agreement: other limits (the out-of-range amounts above stay outside them) and rates.
const otherRates = { MXN: 18.5, DOP: 58, USD: 1, EUR: 0.9 };
const otherAgreement = { fiatLimits: { min: 20, max: 200000 }, cryptoLimits: { min: 2, max: 80000 }, exchangeRates: { USDC: otherRates, USDT: otherRates } };

function replaced(node: Fixtures, prefix = ''): Fixtures {
  return Object.fromEntries(
    Object.entries(node).map(([key, value]) => {
      const path = `${prefix}${key}`;
      if (path === 'partnerAgreement') return [key, otherAgreement];
      if (typeof value === 'object') return [key, replaced(value, `${path}.`)];
      // Every other fixture is a uuid: a fresh one.
      return [key, replacements[path] ?? randomUUID()];
    }),
  );
}

/** Writes the other fixtures into `dir` and returns the file's path. */
export function writeOtherFixtures(dir: string): string {
  const path = join(dir, 'other-fixtures.json');
  writeFileSync(path, `${JSON.stringify(replaced(loadFixtures(defaultFixturesPath)), null, 2)}\n`);
  return path;
}
