// The bundled spec rewritten so that Redoc 3 renders it truthfully, with exactly the same meaning.
// Only the docs page reads this copy; every other tool reads the spec itself.
//
// 1. `properties: { p: false }` ("p must be absent") becomes `not: { required: [p] }`. Redoc 3's
//    allOf merger crashes on a `false` schema ("Cannot use 'in' operator to search for 'title' in
//    false") as soon as it merges one into the parent's property of the same name.
// 2. A schema whose `allOf` holds several `oneOf` rules (the request: pricing source x bank account
//    source) becomes one `oneOf` of named shapes, "Quote · Inline bank details", each listing only
//    the properties it allows. Redoc multiplies such rules itself but names every product after the
//    last rule ("Inline bank details (3)") and still lists the properties the other rule forbids.
//    allOf[oneOf(a1..an), oneOf(b1..bm)] holds exactly when exactly one pair (ai, bj) holds, so the
//    product is the same rule.
import type { BundledSpec } from '../spec/spec-schemas.ts';

// biome-ignore lint/suspicious/noExplicitAny: the spec's JSON has no static type.
type Schema = Record<string, any>;

/** Joins the alternatives' titles into a shape's name: "Quote · Inline bank details". */
export const shapeNameSeparator = ' · ';

const isObject = (value: unknown): value is Schema => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Keys that describe a schema without constraining it. */
const annotationKeys = new Set(['title', 'description', 'examples', 'example', 'deprecated', 'readOnly', 'writeOnly']);

/** Keys a rule's alternative may have to be multiplied out: anything else would be dropped silently. */
const alternativeKeys = new Set(['title', 'description', 'type', 'required', 'properties', 'not']);

const componentName = (ref: string) => ref.replace('#/components/schemas/', '');

/** `p: false` in `properties` becomes part of `not: { anyOf: [{ required: [p] }, ...] }`. */
function forbidPropertiesByNot(schema: Schema): void {
  const properties = schema.properties;
  if (!isObject(properties)) return;
  const forbidden = Object.keys(properties).filter((name) => properties[name] === false);
  if (forbidden.length === 0) return;
  for (const name of forbidden) delete properties[name];
  const absent = forbidden.length === 1 ? { required: forbidden } : { anyOf: forbidden.map((name) => ({ required: [name] })) };
  if (schema.not === undefined) schema.not = absent;
  else schema.allOf = [...(schema.allOf ?? []), { not: absent }];
}

function walkSchemas(node: unknown, visit: (schema: Schema) => void): void {
  if (Array.isArray(node)) {
    for (const item of node) walkSchemas(item, visit);
  } else if (isObject(node)) {
    visit(node);
    for (const value of Object.values(node)) walkSchemas(value, visit);
  }
}

/** Names of the properties an alternative forbids (its `not: { required }` / `not: { anyOf: [{ required }] }`). */
function forbiddenBy(alternative: Schema): string[] {
  const not = alternative.not;
  if (not === undefined) return [];
  const parts: unknown[] = isObject(not) && Array.isArray(not.anyOf) ? not.anyOf : [not];
  return parts.flatMap((part) => {
    if (!isObject(part) || !Array.isArray(part.required) || Object.keys(part).length !== 1) {
      throw new Error(`docs presentation: cannot read which properties this \`not\` forbids: ${JSON.stringify(not)}`);
    }
    return part.required as string[];
  });
}

function withoutAnnotations(schema: unknown): unknown {
  return isObject(schema) ? Object.fromEntries(Object.entries(schema).filter(([key]) => !annotationKeys.has(key))) : schema;
}

/** The parent's property schema when the alternative only repeats it; both together otherwise. */
function mergeProperty(parent: unknown, alternative: unknown): unknown {
  if (parent === undefined) return alternative;
  if (JSON.stringify(withoutAnnotations(parent)) === JSON.stringify(withoutAnnotations(alternative))) return parent;
  return { allOf: [parent, alternative] };
}

/** One shape of the product: the parent's properties and required list, plus one alternative of each rule. */
function shapeOf(parent: Schema, alternatives: Schema[]): Schema {
  for (const alternative of alternatives) {
    // `unevaluatedProperties: true` only keeps Redocly's Ajv from closing the alternative: no meaning.
    const extra = Object.keys(alternative).filter((key) => !alternativeKeys.has(key) && !(key === 'unevaluatedProperties' && alternative[key] === true));
    if (extra.length > 0) throw new Error(`docs presentation: alternative "${alternative.title}" has ${extra.join(', ')}, which a shape cannot carry`);
    if (typeof alternative.title !== 'string') throw new Error('docs presentation: every alternative of a rule needs a title to name the shapes');
  }
  const forbidden = [...new Set(alternatives.flatMap(forbiddenBy))];
  const properties: Schema = {};
  for (const [name, schema] of Object.entries<unknown>(parent.properties ?? {})) {
    if (!forbidden.includes(name)) properties[name] = schema;
  }
  for (const alternative of alternatives) {
    for (const [name, schema] of Object.entries<unknown>(alternative.properties ?? {})) {
      // `true` (presence only): the parent's schema of the property stands.
      if (!forbidden.includes(name) && !(schema === true && properties[name] !== undefined)) properties[name] = mergeProperty(properties[name], schema);
    }
  }
  const required = [...new Set([...(parent.required ?? []), ...alternatives.flatMap((a) => a.required ?? [])])];
  const shape: Schema = {
    title: alternatives.map((a) => a.title).join(shapeNameSeparator),
    description: alternatives
      .map((a) => a.description)
      .filter(Boolean)
      .join(' '),
    type: 'object',
    required,
    properties,
  };
  if (forbidden.length > 0) shape.not = { anyOf: forbidden.map((name) => ({ required: [name] })) };
  return shape;
}

function product<T>(lists: T[][]): T[][] {
  return lists.reduce<T[][]>((combos, list) => combos.flatMap((combo) => list.map((item) => [...combo, item])), [[]]);
}

/** Replaces the `allOf` rules of `schema` that are `oneOf`s by one `oneOf` of their named product. */
function multiplyOneOfRules(schema: Schema, schemas: Record<string, Schema>): void {
  if (!Array.isArray(schema.allOf) || schema.oneOf !== undefined || schema.anyOf !== undefined) return;
  const resolve = (member: Schema): Schema => (typeof member.$ref === 'string' ? schemas[componentName(member.$ref)]! : member);
  const rules = schema.allOf.filter((member: Schema) => Array.isArray(resolve(member)?.oneOf));
  if (rules.length < 2) return;
  const others = schema.allOf.filter((member: Schema) => !rules.includes(member));
  const shapes = product(rules.map((rule: Schema) => resolve(rule).oneOf as Schema[])).map((alternatives) => shapeOf(schema, alternatives));
  const names = rules.map((rule: Schema) => resolve(rule).title ?? 'rule').join(' × ');
  schema.description = `${schema.description ?? ''}\n\nThe valid shapes below combine one alternative of each rule (${names}).`.trim();
  delete schema.properties;
  // The names now live in the shapes: a closed parent stays closed over them (as the spec was before
  // it used additionalProperties for stock validators' sake).
  if (schema.additionalProperties === false) {
    delete schema.additionalProperties;
    schema.unevaluatedProperties = false;
  }
  delete schema.required;
  delete schema.allOf;
  schema.oneOf = shapes;
  if (others.length > 0) schema.allOf = others;
}

/** A copy of the bundled spec for Redoc 3: same meaning, shapes Redoc renders without crashing or misnaming. */
export function docsPresentation(spec: BundledSpec): BundledSpec {
  const copy = structuredClone(spec);
  walkSchemas(copy.components.schemas, forbidPropertiesByNot);
  for (const schema of Object.values(copy.components.schemas)) {
    if (isObject(schema)) multiplyOneOfRules(schema, copy.components.schemas as Record<string, Schema>);
  }
  return copy;
}
