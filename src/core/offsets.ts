// Maps an offset in a page's concatenated text back to the text node that holds it.

/** Index of the last segment whose start is at or before `offset` (segments sorted by start). */
export function segmentAt(starts: ArrayLike<number>, offset: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (starts[mid] <= offset) low = mid;
    else high = mid - 1;
  }
  return low;
}

export interface NodePosition {
  segment: number;
  offset: number;
}

/** Start and end of the text `[start, end)` as (segment, offset inside it) pairs. */
export function locateSpan(starts: ArrayLike<number>, start: number, end: number): [NodePosition, NodePosition] {
  const first = segmentAt(starts, start);
  const last = segmentAt(starts, Math.max(start, end - 1));
  return [
    { segment: first, offset: start - starts[first] },
    { segment: last, offset: end - starts[last] },
  ];
}
