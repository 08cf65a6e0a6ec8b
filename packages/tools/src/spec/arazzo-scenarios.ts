// Turns the hand-written scenario workflows (openapi/off-ramp.arazzo.yaml) into a self-contained
// Arazzo 1.0 document any Arazzo runner executes as it is: references resolved, transport padding
// written out, and each workflow's success criteria taken from the spec's response example and
// catalog row of the same name (the spec stays the one source of what a scenario must get back).
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parse } from 'yaml';
import { errorCatalogFromSpec } from './error-catalog.ts';
import type { BundledSpec } from './spec-schemas.ts';
import { offRampOperation } from './off-ramp-operation.ts';
import { type ProtocolFacts, protocolFactsFromSpec } from './protocol-facts.ts';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

export interface ArazzoStep extends JsonObject {
  stepId: string;
  operationId: string;
}

export interface ArazzoWorkflow extends JsonObject {
  workflowId: string;
  summary: string;
}

export interface ArazzoDocument {
  arazzo: string;
  info: JsonObject;
  sourceDescriptions: JsonObject[];
  workflows: ArazzoWorkflow[];
}

/** Transport extensions of a source step that become plain request content in the output. */
const padBodyToBytes = 'x-pad-body-to-bytes';
const padHeadersToBytes = 'x-pad-headers-to-bytes';
export const paddingHeader = 'x-padding';

const isObject = (value: unknown): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A `$ref` of a file and a JSON pointer inside it (`./file.yaml#/value`), relative to `baseDir`. */
function resolveFileRef(ref: string, baseDir: string): Json {
  const [file, pointer = ''] = ref.split('#');
  if (!file) throw new Error(`Only file references are resolved here, not ${ref}`);
  let value = parse(readFileSync(resolve(baseDir, file), 'utf8')) as Json;
  for (const token of pointer
    .split('/')
    .slice(1)
    .map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'))) {
    if (!isObject(value) || !(token in value)) throw new Error(`${ref} points at nothing`);
    value = value[token]!;
  }
  return value;
}

/** The body text of a padded scenario: spaces before the closing brace, so it stays valid JSON. */
export function padJsonBody(body: string, bytes: number): string {
  const missing = Math.max(0, bytes - Buffer.byteLength(body));
  return `${body.slice(0, -1)}${' '.repeat(missing)}${body.slice(-1)}`;
}

/** An Arazzo literal: single-quoted; the catalog's messages carry no quote to escape. */
function literal(text: string): string {
  if (text.includes("'")) throw new Error(`A success criterion cannot quote ${text}`);
  return `'${text}'`;
}

/** What a workflow expects, for people: the catalog row, or the created transaction. */
function expectation(name: string, spec: BundledSpec): string {
  const row = errorCatalogFromSpec(spec).find((r) => r.name === name);
  return row
    ? `Expects ${row.status} ${row.code} with the message "${row.message}".`
    : `Expects 201 and a new transaction, as the response example ${name} shows.`;
}

/** What a step sends, for people (the parameters and body say it for tools). */
function sending(facts: ProtocolFacts, parameters: JsonObject[], bodyBytes: unknown, headerBytes: unknown, stall: unknown): string {
  const key = parameters.find((p) => p.name === facts.apiKeyHeader);
  const parts = [`POST ${facts.offRampPath} ${key ? `with the key ${String(key.value)}` : `with no ${facts.apiKeyHeader} header`}`];
  if (typeof bodyBytes === 'number') parts.push(`the JSON body padded with spaces to ${bodyBytes} bytes`);
  if (typeof headerBytes === 'number') parts.push(`an ${paddingHeader} header of ${headerBytes} bytes`);
  const sentence = `${parts.join(', ')}.`;
  return typeof stall === 'number'
    ? `${sentence} A runner that can stall a request sends the headers and the first ${stall} bytes of the body, then nothing, and waits (x-stall-body-after-bytes).`
    : sentence;
}

function successCriteria(name: string, spec: BundledSpec): JsonObject[] {
  const status = statusOfResponseExample(spec, name);
  if (status === undefined) throw new Error(`Workflow ${name} has no response example of the same name in the spec`);
  const row = errorCatalogFromSpec(spec).find((r) => r.name === name);
  if (status < 400) return [{ condition: `$statusCode == ${status}` }, { condition: '$response.body#/success == true' }];
  if (!row || row.status !== status) throw new Error(`Error workflow ${name} has no catalog row of the same name and status`);
  return [
    { condition: `$statusCode == ${status}` },
    { condition: '$response.body#/success == false' },
    { condition: `$response.body#/error/code == ${literal(row.code)}` },
    row.messagePattern
      ? { context: '$response.body#/error/message', condition: row.messagePattern, type: 'regex' }
      : { condition: `$response.body#/error/message == ${literal(row.message)}` },
  ];
}

/** Every response example of the operation by name, with the status it is listed under. */
export function responseExampleStatuses(spec: BundledSpec): Map<string, number> {
  const operation = offRampOperation(spec);
  return new Map(
    Object.entries<{ $ref: string }>(operation.responses).flatMap(([status, ref]) =>
      Object.keys(spec.components.responses[ref.$ref.split('/').pop()!].content['application/json'].examples ?? {}).map(
        (name) => [name, Number(status)] as const,
      ),
    ),
  );
}

/** The status under which the operation lists a response example of this name. */
export const statusOfResponseExample = (spec: BundledSpec, name: string): number | undefined => responseExampleStatuses(spec).get(name);

/** Reads the source workflows and returns the self-contained document. */
export function buildArazzoScenarios(sourcePath: string, spec: BundledSpec): ArazzoDocument {
  const facts = protocolFactsFromSpec(spec);
  const source = parse(readFileSync(sourcePath, 'utf8')) as ArazzoDocument & { components?: { inputs?: JsonObject; parameters?: JsonObject } };
  const baseDir = dirname(sourcePath);
  const component = (kind: 'inputs' | 'parameters', name: string): Json => {
    const found = source.components?.[kind]?.[name];
    if (found === undefined) throw new Error(`No components.${kind}.${name} in ${sourcePath}`);
    return structuredClone(found);
  };
  const workflows = source.workflows.map((workflow): ArazzoWorkflow => {
    const { inputs, steps, ...rest } = workflow as ArazzoWorkflow & { inputs?: { $ref?: string }; steps: ArazzoStep[] };
    if (steps.length !== 1) throw new Error(`Workflow ${workflow.workflowId} must have one step: a scenario is one exchange`);
    const {
      parameters = [],
      requestBody,
      [padBodyToBytes]: bodyBytes,
      [padHeadersToBytes]: headerBytes,
      ...step
    } = steps[0]! as ArazzoStep & {
      parameters?: { reference?: string }[];
      requestBody: { contentType: string; payload: Json };
    };
    const resolvedParameters = (parameters as JsonObject[]).map((p) =>
      typeof p.reference === 'string' ? component('parameters', p.reference.replace('$components.parameters.', '')) : p,
    );
    if (typeof headerBytes === 'number') resolvedParameters.push({ name: paddingHeader, in: 'header', value: 'a'.repeat(headerBytes) });
    let payload =
      isObject(requestBody.payload) && typeof requestBody.payload.$ref === 'string' ? resolveFileRef(requestBody.payload.$ref, baseDir) : requestBody.payload;
    if (typeof bodyBytes === 'number') payload = padJsonBody(JSON.stringify(payload), bodyBytes);
    return {
      ...rest,
      description: expectation(workflow.workflowId, spec),
      ...(inputs?.$ref ? { inputs: component('inputs', inputs.$ref.replace('#/components/inputs/', '')) } : inputs ? { inputs } : {}),
      steps: [
        {
          ...step,
          description: sending(facts, resolvedParameters as JsonObject[], bodyBytes, headerBytes, step['x-stall-body-after-bytes']),
          ...(resolvedParameters.length > 0 ? { parameters: resolvedParameters } : {}),
          requestBody: { contentType: requestBody.contentType, payload },
          successCriteria: successCriteria(workflow.workflowId, spec),
        },
      ],
    } as ArazzoWorkflow;
  });
  const named = new Set(workflows.map((w) => w.workflowId));
  const unsent = [...responseExampleStatuses(spec).keys()].filter((name) => !named.has(name));
  if (unsent.length > 0) throw new Error(`Response examples without a workflow of the same name in ${sourcePath}: ${unsent.join(', ')}`);
  const { components: _components, ...document } = source;
  return { ...document, workflows };
}
