// The third validator: Redocly's Ajv fork (lint's example check, `redocly respect`) with its default
// of closing every subschema with `properties` outside a direct allOf member. Every example meant
// to be valid passes it, and it rejects what the spec rejects on the hostile cases of the corpus.
import { describe, expect, test } from 'vitest';
import { agreementCorpus } from '../support/agreement-corpus.ts';
import { redoclyValidatorOf } from '../support/redocly-ajv.ts';
import { passes, requestExamples, responseExamples, spec } from '../support/spec.ts';

const redocly = redoclyValidatorOf(spec);
/** The request examples that are invalid on purpose (schema-level error scenarios), as the spec judges them. */
const meantValid = Object.entries(requestExamples).filter(([, example]) => passes('OffRampRequest', example.value));

describe("Redocly's Ajv reads the spec as every other validator does", () => {
  test('the spec has request examples of both kinds', () => {
    expect(meantValid.length).toBeGreaterThan(10);
    expect(Object.keys(requestExamples).length - meantValid.length).toBe(4);
  });

  test.each(meantValid)('request example %s passes', (_name, example) => {
    const verdict = redocly('OffRampRequest')(example.value);
    expect(verdict.errors ?? null, JSON.stringify(verdict.errors)).toBeNull();
    expect(verdict.valid).toBe(true);
  });

  test.each(Object.entries(responseExamples))('response example %s passes', (_name, { schemaName, value }) => {
    const verdict = redocly(schemaName)(value);
    expect(verdict.valid, JSON.stringify(verdict.errors)).toBe(true);
  });

  test('it agrees with Ajv on every body of the agreement corpus that needs no format', () => {
    // Redocly's Ajv runs with validateFormats: false, as lint and respect run it.
    const formatEdge = / (userId|id|receiverId|createdAt) /;
    const differing = agreementCorpus
      .filter(({ label }) => !formatEdge.test(label))
      .filter(({ schemaName, body }) => redocly(schemaName)(body).valid !== passes(schemaName, body))
      .map(({ schemaName, label }) => `${schemaName} ${label}`);
    expect(differing).toEqual([]);
  });
});
