// The contract's scenarios, read from the generated Arazzo document (generated/off-ramp.arazzo.yaml,
// one workflow per scenario: what it sends) and the bundled spec (what it must get back: the
// response example of the same name and, for an error, the catalog row of that name). Adding a
// scenario is one workflow and one response example; nothing is listed twice.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import type { ArazzoDocument } from '../spec/arazzo-scenarios.ts';
import { statusOfResponseExample } from '../spec/arazzo-scenarios.ts';
import { errorCatalogFromSpec, type CatalogRow } from '../spec/error-catalog.ts';
import { arazzoPath } from '../spec/contract-files.ts';
import type { BundledSpec } from '../spec/spec-schemas.ts';

import { apiKeyHeader } from '@off-ramp/client';
import { offRampOperation } from '../spec/off-ramp-operation.ts';

export const defaultArazzoPath = arazzoPath;

/**
 * A workflow sends a key of the contract fixtures as the input `<name>ApiKey`, for the fixture
 * `apiKeys.<name>` (`$inputs.validApiKey` is `apiKeys.valid`).
 */
const apiKeyInput = /^\$inputs\.([A-Za-z0-9]+)ApiKey$/;

/** The workflow input that carries the key of fixture `apiKeys.<name>`. */
export const apiKeyInputName = (fixtureName: string): string => `${fixtureName}ApiKey`;

const refName = (ref: { $ref: string }) => ref.$ref.split('/').pop()!;

export interface Scenario {
  name: string;
  /**
   * Where the scenario comes from: a named workflow of the spec (`created`, `catalog-error`,
   * `transport-limit`) or a family derived from the spec and the fixtures (derived/).
   */
  family: string;
  /** The workflow's summary, for people. */
  summary: string;
  status: number;
  /** Component schema the response body must validate against (`OffRampCreatedResponse`, `BadRequestError`, ...). */
  responseSchema: string;
  /** The request body, with the default fixtures' values. */
  requestBody: unknown;
  /** The exact body text, for a workflow that sends text rather than a value (the padded 413 body). */
  requestText?: string;
  /** Fixture path of the `partner-api-key` to send, or `null` to send no header. */
  apiKeyFixture: string | null;
  /** Further headers the workflow sends as they are (the 431 scenario's `x-padding`). */
  requestHeaders: Record<string, string>;
  /** Send the headers and this many bytes of the body, then nothing (`x-stall-body-after-bytes`). */
  stallAfterBytes?: number;
  /** The response example of the same name. */
  responseExample: unknown;
  /** The catalog row the scenario must be answered with; absent for a success scenario. */
  catalogRow?: CatalogRow;
  /** What data.bankAccount.isVerified must be (the penny test of a Mexican account). */
  expectedBankVerified?: boolean;
  /** The answer's detail paths must be exactly the example's (one detail per fault, none besides). */
  exactDetailPaths?: boolean;
  /** The details of the example must be among the answer's with their messages too, not only their paths. */
  exactDetailMessages?: boolean;
  /** The exact message a templated row must be filled to (a boundary scenario knows the limits). */
  expectedMessage?: string;
  /** Bytes sent as the body as they are, with no fixture substitution (a body that is not JSON). */
  rawBody?: string;
  /** Bytes sent as the body, hex-encoded, when they are not text (a body that is not UTF-8); the gate sends them. */
  rawBodyHex?: string;
  /** Another HTTP method than the operation's POST, sent without a body (the family `method`). */
  method?: string;
  /** Another path than the operation's, for a request answered outside the route (the family `method`). */
  path?: string;
  /** Send the key of `apiKeyFixture` changed so that it only partly has the key form. */
  apiKeyVariant?: ApiKeyVariant;
}

/** Ways to spoil a well-formed key: the gate applies them, so that no key appears in a scenario. */
export type ApiKeyVariant = 'empty' | 'drop-last' | 'append-one' | 'lower-prefix' | 'space-inside';

/**
 * The family of a named scenario: a created transaction, a catalog error, or a transport limit (a
 * request sent padded, as text, or stalled, answered by the server's front before any check).
 */
function namedFamily(scenario: Pick<Scenario, 'catalogRow' | 'stallAfterBytes' | 'requestText' | 'requestHeaders'>): string {
  if (!scenario.catalogRow) return 'created';
  const transport = scenario.stallAfterBytes !== undefined || scenario.requestText !== undefined || Object.keys(scenario.requestHeaders).length > 0;
  return transport ? 'transport-limit' : 'catalog-error';
}

/** The component schema the answer of a status must validate against, by the operation's responses. */
export function responseSchemaOf(spec: BundledSpec, status: number): string {
  const operation = offRampOperation(spec);
  const response = operation.responses[String(status)];
  if (!response) throw new Error(`The off-ramp operation documents no ${status} answer`);
  return refName(spec.components.responses[refName(response)].content['application/json'].schema);
}

// Parsing the YAML is a tenth of a short contract run's CPU, and a process's runs mostly read the
// same document: the last text parsed is kept, and each caller gets a copy of its own.
let lastParsed: { text: string; document: ArazzoDocument } | undefined;

export function loadArazzo(path = defaultArazzoPath): ArazzoDocument {
  const text = readFileSync(path, 'utf8');
  if (lastParsed?.text !== text) lastParsed = { text, document: parse(text) as ArazzoDocument };
  return structuredClone(lastParsed.document);
}

type StepParameter = { name: string; in: string; value: unknown };
type Step = { operationId: string; parameters?: StepParameter[]; requestBody: { contentType: string; payload: unknown }; 'x-stall-body-after-bytes'?: unknown };

/** Every scenario of the Arazzo document, in its order, with what the spec says it must get back. */
export function contractScenarios(spec: BundledSpec, arazzo: ArazzoDocument = loadArazzo()): Scenario[] {
  const operation = offRampOperation(spec);
  const catalog = new Map(errorCatalogFromSpec(spec).map((row) => [row.name, row]));
  const responseOf = (name: string, status: number) => {
    const media = spec.components.responses[refName(operation.responses[String(status)])].content['application/json'];
    return { responseSchema: refName(media.schema), example: spec.components.examples[refName(media.examples[name])]!.value };
  };

  return arazzo.workflows.map((workflow) => {
    const name = workflow.workflowId;
    const [step, ...more] = workflow.steps as unknown as Step[];
    if (!step || more.length > 0 || step.operationId !== operation.operationId)
      throw new Error(`Workflow ${name} must be one step of ${operation.operationId}`);
    const status = statusOfResponseExample(spec, name);
    if (status === undefined) throw new Error(`Workflow ${name} has no response example of the same name`);
    const row = catalog.get(name);
    if (status >= 400 && !row) throw new Error(`Error scenario ${name} has no catalog row of the same name`);

    let apiKeyFixture: string | null = null;
    const requestHeaders: Record<string, string> = {};
    for (const parameter of step.parameters ?? []) {
      if (parameter.in !== 'header') throw new Error(`Workflow ${name} sends a ${parameter.in} parameter: scenarios send headers and a body`);
      if (parameter.name.toLowerCase() === apiKeyHeader) {
        const input = apiKeyInput.exec(String(parameter.value));
        if (!input) throw new Error(`Workflow ${name} must send ${apiKeyHeader} as $inputs.<fixture>ApiKey, not ${String(parameter.value)}`);
        apiKeyFixture = `apiKeys.${input[1]}`;
      } else if (typeof parameter.value === 'string') requestHeaders[parameter.name] = parameter.value;
      else throw new Error(`Header ${parameter.name} of workflow ${name} must be a literal string`);
    }
    const { payload } = step.requestBody;
    const stall = step['x-stall-body-after-bytes'];
    if (stall !== undefined && (typeof stall !== 'number' || !Number.isInteger(stall) || stall < 0))
      throw new Error(`x-stall-body-after-bytes of ${name} must be a byte count`);
    const response = responseOf(name, status);
    const scenario = {
      name,
      summary: workflow.summary ?? name,
      status,
      responseSchema: response.responseSchema,
      requestBody: typeof payload === 'string' ? JSON.parse(payload) : payload,
      ...(typeof payload === 'string' ? { requestText: payload } : {}),
      apiKeyFixture,
      requestHeaders,
      ...(typeof stall === 'number' ? { stallAfterBytes: stall } : {}),
      responseExample: response.example,
      ...(row ? { catalogRow: row } : {}),
    };
    return { ...scenario, family: namedFamily(scenario) };
  });
}
