// Redocly plugin: lint rules for this project's own conventions, which no built-in rule knows.
// - error-examples-match-catalog: every 4xx response example is a row of that response's schema
//   (`error` is `allOf: [$ref ErrorBody, rows]`; a row is a `oneOf` entry of rows, or rows itself for a single-row status, titled with the
//   scenario name; code and message must fit it).
// - scenario-examples-paired: every request example names exactly one response example, so tools
//   that match examples by name pair them. (Every response example is a scenario's answer: the
//   Arazzo scenarios, openapi/off-ramp.arazzo.yaml, hold one workflow per response example.)

/**
 * Follows $ref chains with the linter's resolver; returns the plain node.
 * @param {any} node
 * @param {any} ctx Redocly's rule context
 * @returns {any}
 */
function deref(node, ctx) {
  let current = node;
  while (current && typeof current === 'object' && typeof current.$ref === 'string') {
    current = ctx.resolve(current).node;
  }
  return current;
}

/**
 * True when a string value satisfies a row property schema (`const` or `pattern`).
 * @param {unknown} value
 * @param {any} propertySchema
 */
function fits(value, propertySchema) {
  if (!propertySchema || typeof propertySchema !== 'object') return false;
  if ('const' in propertySchema) return value === propertySchema.const;
  if (typeof propertySchema.pattern === 'string') return typeof value === 'string' && new RegExp(propertySchema.pattern, 'u').test(value);
  return false;
}

function ErrorExamplesMatchCatalog() {
  return {
    Response: {
      /** @param {any} response @param {any} ctx */
      enter(response, ctx) {
        const status = ctx.key;
        if (!/^4\d\d$/.test(String(status))) return;
        const media = response.content?.['application/json'];
        if (!media) return;
        const schema = deref(media.schema, ctx);
        // `error` is `allOf: [$ref ErrorBody, rows]`: rows is a `oneOf` of rows, or the single row of its status.
        const rowsSchema = deref(schema?.properties?.error, ctx)?.allOf?.find((/** @type {any} */ member) => member?.$ref === undefined);
        const rows = rowsSchema?.oneOf ?? (rowsSchema?.title ? [rowsSchema] : []);
        for (const [name, exampleRef] of Object.entries(media.examples ?? {})) {
          const value = deref(exampleRef, ctx)?.value;
          const where = ctx.location.child(['content', 'application/json', 'examples', name]);
          const row = rows.map((/** @type {any} */ r) => (r.title ? r : deref(r, ctx))).find((/** @type {any} */ r) => r?.title === name);
          if (!row) {
            ctx.report({ message: `Example "${name}" of ${status} has no catalog row titled "${name}" in the response schema.`, location: where });
            continue;
          }
          const error = value?.error ?? {};
          if (value?.success !== false || !fits(error.code, row.properties?.code) || !fits(error.message, row.properties?.message)) {
            ctx.report({
              message: `Example "${name}" of ${status} is not its catalog row: got code "${error.code}", message "${error.message}".`,
              location: where,
            });
          }
        }
      },
    },
  };
}

function ScenarioExamplesPaired() {
  return {
    Operation: {
      /** @param {any} operation @param {any} ctx */
      enter(operation, ctx) {
        const requestNames = Object.keys(deref(operation.requestBody, ctx)?.content?.['application/json']?.examples ?? {});
        const seen = new Map();
        for (const [status, responseRef] of Object.entries(operation.responses ?? {})) {
          const response = deref(responseRef, ctx);
          for (const name of Object.keys(response?.content?.['application/json']?.examples ?? {})) {
            if (seen.has(name)) {
              ctx.report({
                message: `Response example "${name}" appears under both ${seen.get(name)} and ${status}.`,
                location: ctx.location.child(['responses', status]),
              });
            }
            seen.set(name, status);
          }
        }
        for (const name of requestNames.filter((n) => !seen.has(n))) {
          ctx.report({ message: `Request example "${name}" has no response example of the same name.`, location: ctx.location.child(['requestBody']) });
        }
      },
    },
  };
}

export default function offRampRulesPlugin() {
  return {
    id: 'off-ramp',
    rules: {
      oas3: {
        'error-examples-match-catalog': ErrorExamplesMatchCatalog,
        'scenario-examples-paired': ScenarioExamplesPaired,
      },
    },
  };
}
