// The family `request-form`: requests whose form is wrong before any field is read: a body that
// is not JSON, not an object, repeats a member name, or is sent with another media type, charset
// or encoding (the step `body`), and the forms that are the same (a media type in upper case, a
// quoted charset, the identity encoding); an empty partner-api-key and keys that only partly have
// the key form (the step `authentication`).
import { apiKeyPattern } from '@off-ramp/client';
import type { ApiKeyVariant, Scenario } from '../scenarios.ts';
import { type DerivationContext, derivedScenario, type RequestBody, type SkippedCase } from './derivation-context.ts';
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
  // Media types compare case-insensitively, and a quoted charset is the same charset.
  const accepted = (name: string, summary: string, headers: Record<string, string>) =>
    derivedScenario(context, requestFormFamily, `form.${name}`, summary, { body: valid, headers }, { created: true });
  scenarios.push(
    accepted('upper-case-type', 'a valid body as APPLICATION/JSON', { 'content-type': 'APPLICATION/JSON' }),
    accepted('quoted-charset', 'a valid body with charset="UTF-8"', { 'content-type': 'application/json; charset="UTF-8"' }),
    accepted('identity-encoding', 'a valid body with Content-Encoding: identity', { 'content-encoding': 'identity' }),
    bodyFault('json-suffix-type', 'a valid body as application/json-patch+json', { body: valid, headers: { 'content-type': 'application/json-patch+json' } }),
    bodyFault('gzip-encoding', 'a valid body declared gzip-encoded', { body: valid, headers: { 'content-encoding': 'gzip' } }),
  );
  // Spellings that are not JSON in UTF-8, each close to one that is.
  for (const [name, headers] of [
    ['type-inside-another', { 'content-type': 'text/application/json' }],
    ['latin-1-unspaced', { 'content-type': 'application/json;charset=iso-8859-1' }],
    ['latin-1-quoted', { 'content-type': 'application/json; charset="iso-8859-1"' }],
    ['latin-1-upper-case', { 'content-type': 'application/json; CHARSET=ISO-8859-1' }],
    ['charset-ending-in-utf-8', { 'content-type': 'application/json; charset=x-utf-8' }],
    ['charset-starting-with-utf-8', { 'content-type': 'application/json; charset=utf-88' }],
    ['encoding-ending-in-identity', { 'content-encoding': 'x-identity' }],
    ['encoding-starting-with-identity', { 'content-encoding': 'identity2' }],
  ] as const)
    scenarios.push(bodyFault(name, `a valid body with ${Object.entries(headers)[0]!.join(': ')}`, { body: valid, headers }));
  // A repeated member name, wherever it is: the detail points at the object and names the member.
  const text = JSON.stringify(valid);
  const repeated = (name: string, summary: string, rawBody: string, path: string, member: string) =>
    derivedScenario(
      context,
      requestFormFamily,
      `form.${name}`,
      summary,
      { body: valid, rawBody },
      { row: 'InvalidUserInput', details: [{ path, message: `must not repeat the member name ${JSON.stringify(member)}` }] },
    );
  const account = JSON.stringify(valid.userBankInformation);
  scenarios.push(
    repeated('repeated-member', 'fiatAmount twice', `{"fiatAmount":1,${text.slice(1)}`, '', 'fiatAmount'),
    repeated('repeated-escaped-member', 'fiatAmount twice, once escaped', `{"fiat\\u0041mount":1,${text.slice(1)}`, '', 'fiatAmount'),
    repeated(
      'repeated-nested-member',
      'country twice in the bank details',
      text.replace(account, `{"country":"MX",${account.slice(1)}`),
      '/userBankInformation',
      'country',
    ),
    repeated('repeated-member-in-array', 'a member twice in an object in an array', `{"list":[{},{"k":1,"k":2}],${text.slice(1)}`, '/list/1', 'k'),
    repeated(
      'repeated-member-pretty',
      'fiatAmount twice, in indented JSON',
      JSON.stringify({ fiatAmount: 1, ...valid }, null, 2).replace('{', '{\n  "fiatAmount": 2,'),
      '',
      'fiatAmount',
    ),
    repeated('repeated-member-after-string', 'a member twice in an array after a string', `{"list":["a",{"k":1,"k":2}],${text.slice(1)}`, '/list/1', 'k'),
    repeated('repeated-member-escaped-path', 'a member twice under a name with / and ~', `{"a/b~c":{"k":1,"k":2},${text.slice(1)}`, '/a~1b~0c', 'k'),
  );
  // Within the error schema's caps (response-schema): a path and a message of at most 300 characters.
  const long = 'n'.repeat(400);
  const withinCaps = (name: string, summary: string, rawBody: string) =>
    derivedScenario(context, requestFormFamily, `form.${name}`, summary, { body: valid, rawBody }, { row: 'InvalidUserInput' });
  scenarios.push(
    withinCaps('repeated-long-member', 'a 400-character member name twice', `{"${long}":1,"${long}":2,${text.slice(1)}`),
    withinCaps('repeated-member-deep-path', 'a member twice below a 400-character pointer', `{"${long}":{"k":1,"k":2},${text.slice(1)}`),
  );
  // Bytes that are not UTF-8 (a Latin-1 "é" inside a string), declared as UTF-8 JSON.
  const latin1 = Buffer.concat([Buffer.from(text.slice(0, -1)), Buffer.from(',"note":"caf'), Buffer.from([0xe9]), Buffer.from('"}')]);
  scenarios.push(
    derivedScenario(
      context,
      requestFormFamily,
      'form.not-utf-8',
      'a body with a byte that is not UTF-8',
      { body: valid, rawBody: latin1.toString('latin1'), rawBodyHex: latin1.toString('hex') },
      { row: 'InvalidUserInput', detailPaths: [''] },
    ),
  );
  // A value that equals a member name of its object is no repeated name (created).
  scenarios.push(
    derivedScenario(
      context,
      requestFormFamily,
      'form.value-like-a-member',
      'a bank name that is the name of another member of the bank details',
      { body: { ...valid, userBankInformation: { ...(valid.userBankInformation as RequestBody), bankName: 'country' } } },
      { created: true },
    ),
  );
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
