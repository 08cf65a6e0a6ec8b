// The fixtures file and the state seeded from it: every entry is checked at start, and the
// state behind the ids is consistent with the fixtures and the spec's examples.
import { clabe } from 'clabe-validator';
import { describe, expect, test } from 'vitest';
import { checkFixtures } from '../../packages/tools/src/reference/load-fixtures.ts';
import { seedState } from '../../packages/tools/src/reference/seed-state.ts';
import { fixtures } from '../support/reference-http.ts';

const changed = (change: (copy: any) => void) => {
  const copy = structuredClone(fixtures) as any;
  change(copy);
  return copy;
};

describe('fixtures file', () => {
  test('the committed file passes the checks', () => {
    expect(checkFixtures(structuredClone(fixtures))).toEqual(fixtures);
  });

  test.each([
    ['a missing entry', (f: any) => delete f.receivers.unknown, 'receivers.unknown is missing'],
    ['an id that is not a UUID', (f: any) => (f.users.verified = 'user-1'), 'users.verified is not a string matching'],
    ['a key of the wrong form', (f: any) => (f.apiKeys.otherPartner = 'pk_test_short'), 'apiKeys.otherPartner is not a string matching'],
    [
      'a "malformed" key that has the form of a key',
      (f: any) => (f.apiKeys.malformed = `pk_test_${'M'.repeat(32)}`),
      'apiKeys.malformed must not have the form of a key',
    ],
    ['two entries with one id', (f: any) => (f.receivers.unknown = f.receivers.verified), 'the entries of receivers must be distinct'],
    ['an amount that is not a number', (f: any) => (f.amounts.fiatOutOfRange = '250000'), 'amounts.fiatOutOfRange is not a number'],
  ])('%s is reported', (_name, change, message) => {
    expect(() => checkFixtures(changed(change))).toThrow(message);
  });

  test.each([
    ['an "unavailable" currency that is enabled', (f: any) => (f.fiatCurrencies.unavailable = 'MXN'), 'fiatCurrencies.unavailable names an enabled currency'],
    ['an "unavailable" chain that is enabled', (f: any) => (f.blockchains.unavailable = 'SOL'), 'blockchains.unavailable names an enabled chain'],
    ['a "non-stable" token that is stable', (f: any) => (f.tokens.nonStable = 'USDT'), 'tokens.nonStable names a stable coin'],
    ['an "out of range" amount within the limits', (f: any) => (f.amounts.cryptoOutOfRange = 100), 'amounts.cryptoOutOfRange is within the crypto limits'],
  ])('seeding refuses %s', (_name, change, message) => {
    expect(() => seedState(checkFixtures(changed(change)))).toThrow(message);
  });
});

describe('seeded state', () => {
  const state = seedState(fixtures);

  test('saved Mexican accounts carry valid CLABEs', () => {
    for (const saved of state.savedBankAccounts.values()) {
      if (saved.account.country === 'MX') expect(clabe.validate(saved.account.accountIdentifier!).ok, saved.account.accountIdentifier).toBe(true);
    }
  });

  test('the valid quote does not expire within any realistic run, the expired one has', () => {
    expect(state.quotes.get(fixtures.quotes.valid)!.expiresAt.getUTCFullYear()).toBe(9999);
    expect(state.quotes.get(fixtures.quotes.expired)!.expiresAt.getTime()).toBeLessThan(Date.now());
  });
});
