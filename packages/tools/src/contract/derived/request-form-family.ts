// The family `request-form`: requests whose form is wrong before any field is read: a body that
// is not JSON, not an object, or sent with another media type or charset (the step `body`); an
// empty partner-api-key and keys that only partly have the key form (the step `authentication`).
import { apiKeyPattern } from '@off-ramp/client';
import type { ApiKeyVariant, Scenario } from '../scenarios.ts';
import { type DerivationContext, derivedScenario, type RequestBody } from './derivation-context.ts';
import type { SkippedCase } from './fault-pair-family.ts';
import { requestBases } from './request-bases.ts';

export const requestFormFamily = 'request-form';

/** How the exchange gate spoils a key (it holds the keys; scenarios never do). */
export const spoilKey: Record<ApiKeyVariant, (key: string) => string> = {
  empty: () => '',
  'drop-last': (key) => key.slice(0, -1),
  'append-one': (key) => `${key}A`,
  'space-inside': (key) => `${key.slice(0, 8)} ${key.slice(8)}`,
  'lower-prefix': (key) => key.replace(/^[A-Za-z]+/, (prefix) => (prefix === prefix.toUpperCase() ? prefix.toLowerCase() : prefix.toUpperCase())),
};

const keyForm = new RegExp(apiKeyPattern);

export function requestFormScenarios(context: DerivationContext): { scenarios: Scenario[]; skipped: SkippedCase[] } {
  const valid = requestBases(context.named).find((b) => b.name === 'FiatInline')!.body;
  const bodyFault = (name: string, summary: string, request: { body: unknown; rawBody?: string; headers?: Record<string, string> }) =>
    derivedScenario(
      context,
      requestFormFamily,
      `form.${name}`,
      summary,
      { ...request, body: request.body as RequestBody },
      { row: 'InvalidUserInput', detailPaths: [''] },
    );
  const scenarios: Scenario[] = [
    bodyFault('not-json', 'a body cut short: not JSON', { body: valid, rawBody: JSON.stringify(valid).slice(0, 20) }),
    bodyFault('array', 'a JSON array', { body: [valid] }),
    bodyFault('string', 'a JSON string', { body: JSON.stringify(valid) }),
    bodyFault('null', 'JSON null', { body: null }),
    bodyFault('text-plain', 'a valid body sent as text/plain', { body: valid, headers: { 'content-type': 'text/plain' } }),
    bodyFault('latin-1', 'a valid body declared as ISO-8859-1', { body: valid, headers: { 'content-type': 'application/json; charset=iso-8859-1' } }),
  ];
  const skipped: SkippedCase[] = [];
  const key = String(context.fixture('apiKeys.valid'));
  for (const variant of Object.keys(spoilKey) as ApiKeyVariant[]) {
    const spoiled = spoilKey[variant](key);
    const row = spoiled === '' ? 'ApiKeyMissing' : 'ApiKeyMalformed';
    if (spoiled !== '' && keyForm.test(spoiled)) {
      skipped.push({ name: `key.${variant}`, reason: 'the spoiled key still has the key form' });
      continue;
    }
    scenarios.push(
      derivedScenario(context, requestFormFamily, `key.${variant}`, `the valid key, ${variant}`, { body: valid, apiKeyVariant: variant }, { row }),
    );
  }
  return { scenarios, skipped };
}
