// One verdict everywhere: Ajv (createSpecAjv, formats asserted) and @hyperjump/json-schema, an
// independent JSON Schema 2020-12 implementation with formats asserted, judge every body of the
// corpus alike; so do the validator objects our test oracle, the contract runner and the fuzz
// judge use, and the generated response validators the client uses.
import { beforeAll, describe, expect, test } from 'vitest';
import { createSpecAjv, schemaValidator } from '../../packages/tools/src/spec/spec-schemas.ts';
import { checkResponseSchema } from '../../packages/tools/src/contract/checks/response-schema.ts';
import { responseValidators } from '../../packages/client/generated/off-ramp-response-validators.js';
import { agreementCorpus } from '../support/agreement-corpus.ts';
import { hyperjumpValidators } from '../support/hyperjump.ts';
import { responseExamples, spec, validatorOf } from '../support/spec.ts';

type Verdict = (body: unknown) => boolean;
const schemaNames = [...new Set(agreementCorpus.map((c) => c.schemaName))];
let hyperjump: Record<string, Verdict>;
beforeAll(async () => {
  hyperjump = await hyperjumpValidators(spec, schemaNames);
});

/** Cases where `verdict` and hyperjump disagree, with the body and both verdicts. */
function disagreements(verdictOf: (schemaName: string) => Verdict): { label: string; body: string; verdict: boolean; hyperjump: boolean }[] {
  return agreementCorpus.flatMap(({ schemaName, label, body }) => {
    const ours = verdictOf(schemaName)(structuredClone(body));
    const theirs = hyperjump[schemaName]!(structuredClone(body));
    return ours === theirs ? [] : [{ label: `${schemaName} ${label}`, body: JSON.stringify(body), verdict: ours, hyperjump: theirs }];
  });
}

describe('Ajv and @hyperjump/json-schema agree on every body', () => {
  test('the corpus has accepted and rejected bodies in good numbers, for requests and responses', () => {
    const counts = schemaNames.map((name) => {
      const cases = agreementCorpus.filter((c) => c.schemaName === name);
      const accepted = cases.filter((c) => hyperjump[name]!(c.body)).length;
      return { name, accepted, rejected: cases.length - accepted };
    });
    console.log(
      `validator agreement corpus: ${agreementCorpus.length} bodies;`,
      counts.map((c) => `${c.name} ${c.accepted} accepted / ${c.rejected} rejected`).join(', '),
    );
    for (const { name, accepted, rejected } of counts) {
      expect(accepted, name).toBeGreaterThan(0);
      expect(rejected, name).toBeGreaterThan(10);
    }
    const request = counts.find((c) => c.name === 'OffRampRequest')!;
    expect(request.accepted).toBeGreaterThan(100);
    expect(request.rejected).toBeGreaterThan(500);
  });

  test('createSpecAjv (formats on) agrees with hyperjump', () => {
    const ajv = createSpecAjv(spec);
    expect(disagreements((name) => schemaValidator(ajv, name) as Verdict)).toEqual([]);
  });

  test('the test oracle (tests/support/spec.ts) agrees with hyperjump', () => {
    expect(disagreements((name) => validatorOf(name) as Verdict)).toEqual([]);
  });

  test("the contract runner's and the fuzz judge's schema check agree with hyperjump", () => {
    // run-contract-suite.ts and run-fuzz.ts both validate with schemaValidator(createSpecAjv(spec), name);
    // answers go through checkResponseSchema, which reports a deviation exactly when the body fails.
    const ajv = createSpecAjv(spec);
    expect(disagreements((name) => (body) => checkResponseSchema(name, schemaValidator(ajv, name), body).length === 0)).toEqual([]);
  });

  test("the client's generated response validators agree with hyperjump", () => {
    const statusOf = Object.fromEntries(Object.values(responseExamples).map(({ status, schemaName }) => [schemaName, status]));
    const generated = (name: string): Verdict => {
      if (name === 'OffRampRequest') return hyperjump[name]!; // the preflight is covered by tests/preflight
      return (body) => responseValidators[statusOf[name] as keyof typeof responseValidators](body);
    };
    expect(disagreements(generated)).toEqual([]);
  });
});
