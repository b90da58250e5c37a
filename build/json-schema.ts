// The JSON Schema checker lives in src/core/json-schema.ts, shared with the options page's import
// of a pack file.
export * from '../src/core/json-schema.ts';
