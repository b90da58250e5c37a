// The matcher's word lists, compared as the matcher reads them.

/** `value` with every word list cut to its count: the slots past it (left by merged words) are never read. */
export function trimmed(value: unknown): unknown {
  if (value instanceof Map) return new Map([...value].map(([key, item]) => [key, trimmed(item)]));
  if (value instanceof Set || ArrayBuffer.isView(value) || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(trimmed);
  const record = value as Record<string, unknown>;
  const count = typeof record.count === 'number' && ArrayBuffer.isView(record.hash) ? record.count : undefined;
  return Object.fromEntries(Object.entries(record).map(([key, item]) => [key, count !== undefined && ArrayBuffer.isView(item) ? (item as Uint32Array).subarray(0, count) : trimmed(item)]));
}
