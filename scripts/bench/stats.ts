// Small statistics for the benchmark table.

export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const position = (sorted.length - 1) * q;
  const low = Math.floor(position);
  const high = Math.ceil(position);
  return sorted[low] + (sorted[high] - sorted[low]) * (position - low);
}

export const median = (values: readonly number[]) => quantile(values, 0.5);

export interface Summary {
  median: number;
  p90: number;
  p95: number;
  max: number;
}

export const summarise = (values: readonly number[]): Summary => ({
  median: median(values),
  p90: quantile(values, 0.9),
  p95: quantile(values, 0.95),
  max: Math.max(...values),
});

export const fixed = (value: number, digits = 2) => (Number.isFinite(value) ? value.toFixed(digits) : '—');
