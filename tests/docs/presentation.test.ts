// The docs page renders a presentation of the spec (scripts/lib/docs-presentation.ts). It must mean
// exactly what the spec means: every body is accepted or rejected by both alike.
import { describe, expect, test } from 'vitest';
import { docsPresentation, shapeNameSeparator } from '../../packages/tools/src/docs/docs-presentation.ts';
import { createSpecAjv, schemaValidator, type BundledSpec } from '../../packages/tools/src/spec/spec-schemas.ts';
import { requestExamples, responseExamples, spec } from '../support/spec.ts';

type Body = Record<string, any>;

/** Each body, each with one key removed, and each with one key taken (added or replaced) from a donor; one level deep too. */
function mutationsOf(bodies: Body[], donors = bodies): Body[] {
  const out = new Map<string, Body>();
  const add = (body: Body) => out.set(JSON.stringify(body), body);
  for (const body of bodies) {
    add(body);
    for (const key of Object.keys(body)) add(Object.fromEntries(Object.entries(body).filter(([k]) => k !== key)));
    for (const other of donors) {
      for (const [key, value] of Object.entries(other)) {
        add({ ...body, [key]: value });
        const inner = body[key];
        if (typeof inner !== 'object' || inner === null || typeof value !== 'object' || value === null) continue;
        for (const innerKey of Object.keys(inner)) add({ ...body, [key]: Object.fromEntries(Object.entries(inner).filter(([k]) => k !== innerKey)) });
        for (const [innerKey, innerValue] of Object.entries(value)) add({ ...body, [key]: { ...inner, [innerKey]: innerValue } });
      }
    }
  }
  return [...out.values()];
}

const requestValues = Object.values(requestExamples).map((example) => example.value as Body);
/** Properties a rule of the request (an `allOf` member with `oneOf`) is about. */
const ruleKeys = (ruleName: string) =>
  new Set((spec.components.schemas[ruleName] as { oneOf: { properties: object }[] }).oneOf.flatMap((alternative) => Object.keys(alternative.properties)));
const bankKeys = ruleKeys('BankSource');
/** One example's fields with another example's bank account source: pairings no single example has (a quote with inline details). */
const pairings = requestValues.flatMap((body) =>
  requestValues.map((other) => ({
    ...Object.fromEntries(Object.entries(body).filter(([key]) => !bankKeys.has(key))),
    ...Object.fromEntries(Object.entries(other).filter(([key]) => bankKeys.has(key))),
  })),
);
const requestBodies = [
  ...new Map([...mutationsOf(requestValues), ...mutationsOf(pairings, requestValues)].map((body) => [JSON.stringify(body), body])).values(),
];
const responseBodies = mutationsOf(Object.values(responseExamples).map((example) => example.value));
const responseSchemas = [...new Set(Object.values(responseExamples).map((example) => example.schemaName))];

/** Bodies that the spec and `presented` judge differently, for one component schema. */
function disagreements(presented: BundledSpec, schemaName: string, bodies: Body[]): { body: Body; spec: boolean }[] {
  const bySpec = schemaValidator(createSpecAjv(spec), schemaName);
  const byPresentation = schemaValidator(createSpecAjv(presented), schemaName);
  return bodies.filter((body) => bySpec(body) !== byPresentation(body)).map((body) => ({ body, spec: bySpec(body) === true }));
}

const presented = docsPresentation(spec);

describe('docs presentation of the spec', () => {
  test('the mutated examples exercise both verdicts', () => {
    const request = schemaValidator(createSpecAjv(spec), 'OffRampRequest');
    const accepted = requestBodies.filter((body) => request(body) === true).length;
    expect(accepted).toBeGreaterThan(10);
    expect(requestBodies.length - accepted).toBeGreaterThan(100);
  });

  test('accepts and rejects every request body as the spec does', () => {
    expect(disagreements(presented, 'OffRampRequest', requestBodies).slice(0, 3)).toEqual([]);
  });

  test.each(responseSchemas)('accepts and rejects every %s as the spec does', (schemaName) => {
    expect(disagreements(presented, schemaName, responseBodies).slice(0, 3)).toEqual([]);
  });

  test('names each request shape after one alternative of each rule, and keeps no `false` property schema', () => {
    const request = presented.components.schemas.OffRampRequest as { oneOf: { title: string }[] };
    expect(request.oneOf.map((shape) => shape.title.split(shapeNameSeparator))).toContainEqual(['Quote', 'Inline bank details']);
    expect(request.oneOf).toHaveLength(6);
    const falseProperties: string[] = [];
    const walk = (node: unknown, path: string): void => {
      if (typeof node !== 'object' || node === null) return;
      const properties = (node as { properties?: unknown }).properties;
      if (typeof properties === 'object' && properties !== null) {
        for (const [name, schema] of Object.entries(properties)) if (schema === false) falseProperties.push(`${path}/properties/${name}`);
      }
      for (const [key, value] of Object.entries(node)) walk(value, `${path}/${key}`);
    };
    walk(presented.components.schemas, '#/components/schemas');
    expect(falseProperties).toEqual([]);
  });

  // The comparison can fail: a presentation that drops what a shape forbids, or what it requires, is caught.
  test.each([
    [
      'lets through a property its rule forbids',
      (shape: Record<string, any>) => {
        const forbidden: string = shape.not.anyOf[0].required[0];
        delete shape.not;
        shape.properties[forbidden] = (spec.components.schemas.OffRampRequest as { properties: Record<string, unknown> }).properties[forbidden];
      },
    ],
    ['forgets a required property', (shape: Record<string, any>) => (shape.required = shape.required.slice(0, -1))],
  ])('a presentation whose first shape %s is caught', (_, breakShape) => {
    const broken = structuredClone(presented);
    breakShape((broken.components.schemas.OffRampRequest as { oneOf: Record<string, any>[] }).oneOf[0]!);
    expect(disagreements(broken, 'OffRampRequest', requestBodies).length).toBeGreaterThan(0);
  });
});
