// The one test for "a plain object we can read fields from" used wherever untrusted values are parsed.
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
