// A small JSON Schema (draft 2020-12) checker for the keywords pack-schema.json uses. A keyword it
// does not know is an error, so the schema can never silently ask for a check that is not made.
export type JsonSchema = { [keyword: string]: unknown };

export const UNKNOWN_FIELD = 'is not part of this format';

export interface SchemaProblem {
  /** Where in the document: property names and list indexes. */
  path: (string | number)[];
  message: string;
}

/** Keywords that describe and do not constrain. `format` is an annotation in 2020-12 by default. */
const ANNOTATIONS = new Set(['$schema', '$id', '$comment', 'title', 'description', 'examples', 'default', 'format', '$defs']);
const ASSERTIONS = new Set(['type', 'const', 'enum', 'pattern', 'minLength', 'maxLength', 'minimum', 'minItems', 'required', 'dependentRequired', 'properties', 'additionalProperties', 'items', 'anyOf', '$ref']);

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeOf(value) === 'object';
}

function matchesType(value: unknown, type: string): boolean {
  const actual = typeOf(value);
  return actual === type || (type === 'number' && actual === 'integer');
}

function resolve(root: JsonSchema, ref: string): JsonSchema {
  if (!ref.startsWith('#/')) throw new Error(`json-schema: only local $ref is supported, not ${ref}`);
  let node: unknown = root;
  for (const part of ref.slice(2).split('/')) node = isObject(node) ? node[part] : undefined;
  if (!isObject(node)) throw new Error(`json-schema: $ref ${ref} points nowhere`);
  return node;
}

function check(root: JsonSchema, schema: JsonSchema, value: unknown, path: (string | number)[], out: SchemaProblem[]): void {
  for (const keyword of Object.keys(schema)) {
    if (!ANNOTATIONS.has(keyword) && !ASSERTIONS.has(keyword)) throw new Error(`json-schema: keyword "${keyword}" is not supported`);
  }
  const fail = (message: string): void => void out.push({ path, message });
  if (typeof schema.$ref === 'string') check(root, resolve(root, schema.$ref), value, path, out);
  if (typeof schema.type === 'string' && !matchesType(value, schema.type)) return fail(`must be of type ${schema.type}`);
  if ('const' in schema && JSON.stringify(value) !== JSON.stringify(schema.const)) fail(`must be ${JSON.stringify(schema.const)}`);
  if (Array.isArray(schema.enum) && !schema.enum.some((option) => JSON.stringify(option) === JSON.stringify(value))) {
    fail(`must be one of ${schema.enum.map((option) => JSON.stringify(option)).join(', ')}`);
  }
  if (typeof value === 'string') {
    if (typeof schema.minLength === 'number' && [...value].length < schema.minLength) fail(`must have at least ${schema.minLength} characters`);
    if (typeof schema.maxLength === 'number' && [...value].length > schema.maxLength) fail(`must have at most ${schema.maxLength} characters (it has ${[...value].length})`);
    if (typeof schema.pattern === 'string' && !new RegExp(schema.pattern, 'u').test(value)) {
      fail(typeof schema.description === 'string' ? `must be ${schema.description}` : `must match ${schema.pattern}`);
    }
  }
  if (typeof value === 'number' && typeof schema.minimum === 'number' && value < schema.minimum) fail(`must be at least ${schema.minimum}`);
  if (Array.isArray(value)) {
    if (typeof schema.minItems === 'number' && value.length < schema.minItems) fail(`must have at least ${schema.minItems} items`);
    if (isObject(schema.items)) value.forEach((item, i) => check(root, schema.items as JsonSchema, item, [...path, i], out));
  }
  if (isObject(value)) {
    for (const key of Array.isArray(schema.required) ? schema.required : []) {
      if (!(String(key) in value)) out.push({ path: [...path, String(key)], message: 'is required' });
    }
    const dependent = isObject(schema.dependentRequired) ? schema.dependentRequired : {};
    for (const [key, needs] of Object.entries(dependent)) {
      if (!(key in value) || !Array.isArray(needs)) continue;
      for (const need of needs) if (!(String(need) in value)) out.push({ path: [...path, String(need)], message: `is required with "${key}"` });
    }
    const properties = isObject(schema.properties) ? schema.properties : {};
    for (const [key, child] of Object.entries(value)) {
      const sub = properties[key];
      if (isObject(sub)) check(root, sub, child, [...path, key], out);
      else if (schema.additionalProperties === false) out.push({ path: [...path, key], message: UNKNOWN_FIELD });
    }
  }
  if (Array.isArray(schema.anyOf)) {
    const branches = schema.anyOf.filter(isObject).map((branch) => {
      const problems: SchemaProblem[] = [];
      check(root, branch, value, path, problems);
      return problems;
    });
    if (!branches.some((problems) => problems.length === 0)) fail(`must satisfy one of ${branches.length} alternatives: ${branches.map((b) => b.map((p) => `${p.path.slice(path.length).join('.')} ${p.message}`).join('; ')).join(' | ')}`);
  }
}

/** Every way `value` breaks `schema`; an empty list when it conforms. */
export function checkSchema(schema: JsonSchema, value: unknown): SchemaProblem[] {
  const out: SchemaProblem[] = [];
  check(schema, schema, value, [], out);
  return out;
}
