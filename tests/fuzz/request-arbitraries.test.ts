// The generators are right before any server sees them: every generated valid body passes the
// request schema and the preflight; every mutation breaks exactly the rule it names.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { projectRoot } from '../../scripts/lib/generated-dir.ts';
import { validateOffRampRequest } from '../../packages/client/src/preflight/validate-off-ramp-request.ts';
import { catalogError } from '../../packages/client/src/catalog/catalog-error.ts';
import { validOffRampRequest } from '../../packages/tools/src/fuzz/request-arbitraries.ts';
import { applicableMutations, invalidOffRampRequest, requestMutations } from '../../packages/tools/src/fuzz/request-mutations.ts';
import { passes } from '../support/spec.ts';

const fixtures = JSON.parse(readFileSync(resolve(projectRoot, 'packages/tools/fixtures/contract-fixtures.json'), 'utf8'));
const valid = validOffRampRequest(fixtures);

describe('generated valid bodies', () => {
  test('pass the request schema and the preflight (1 000 bodies)', () => {
    fc.assert(
      fc.property(valid, (body) => {
        expect(passes('OffRampRequest', body), JSON.stringify(body)).toBe(true);
        expect(validateOffRampRequest(body).ok, JSON.stringify(body)).toBe(true);
      }),
      { numRuns: 1000, seed: 42 },
    );
  });

  test('cover every branch: quote, fiat, crypto, each bank country, saved bank, receiver, both holder types', () => {
    const seen = new Set<string>();
    for (const body of fc.sample(valid, { numRuns: 2000, seed: 7 })) {
      if (body.quoteId) seen.add('quote');
      if (body.fiatAmount) seen.add('fiat');
      if (body.cryptoAmount) seen.add('crypto');
      if (body.userBankInformationId) seen.add('saved bank');
      if (body.receiverId) seen.add('receiver');
      const bank = body.userBankInformation as Record<string, any> | undefined;
      if (bank) seen.add(bank.iban ? 'SEPA' : bank.country);
      if (bank?.accountHolder) seen.add(bank.accountHolder.type);
    }
    expect([...seen].sort()).toEqual(['BUSINESS', 'DO', 'INDIVIDUAL', 'MX', 'SEPA', 'US', 'crypto', 'fiat', 'quote', 'receiver', 'saved bank'].sort());
  });
});

describe('mutations', () => {
  test('each mutation applies to some generated body', () => {
    const applied = new Set<string>();
    for (const body of fc.sample(valid, { numRuns: 500, seed: 3 })) for (const { mutation } of applicableMutations(body)) applied.add(mutation.name);
    expect([...applied].sort()).toEqual(requestMutations.map((m) => m.name).sort());
  });

  test('a state-free mutation makes the preflight answer its catalog row (2 000 bodies)', () => {
    fc.assert(
      fc.property(invalidOffRampRequest(valid), ({ mutation, body }) => {
        const result = validateOffRampRequest(body);
        const expected = catalogError(mutation.expected);
        expect(result.ok, mutation.name).toBe(false);
        if (!result.ok) expect([mutation.name, result.error.code, result.error.message]).toEqual([mutation.name, expected.code, expected.message]);
      }),
      { numRuns: 2000, seed: 11 },
    );
  });
});
