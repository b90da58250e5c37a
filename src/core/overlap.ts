// Whether a span overlaps any of a set of places, in O(log n) comparisons, when the places are
// sorted by start and the span can only be compared with their ends (DOM boundary points, or
// offsets). Used to tell whether a page's own highlight lies over Backstory's (content/overpaint.ts).

/**
 * For places sorted by start, the index of the place with the furthest end among the first i + 1:
 * `ends[i]` compared by `later(a, b)` (a ends after b).
 */
export function furthestEnds<T>(ends: readonly T[], later: (a: T, b: T) => boolean): number[] {
  const furthest: number[] = [];
  for (let i = 0; i < ends.length; i++) {
    const best = i === 0 ? 0 : furthest[i - 1];
    furthest.push(i > 0 && later(ends[i], ends[best]) ? i : best);
  }
  return furthest;
}

/**
 * Whether a span overlaps one of `count` places sorted by start: `startsBefore(i)` says place i
 * starts before the span ends (true for a prefix of the places), `endsAfter(i)` that place i ends
 * after the span starts; `furthest` is furthestEnds of the places. Asks about 2 log2(count) + 1 questions.
 */
export function overlapsAny(count: number, startsBefore: (i: number) => boolean, endsAfter: (i: number) => boolean, furthest: readonly number[]): boolean {
  let low = 0;
  let high = count;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (startsBefore(middle)) low = middle + 1;
    else high = middle;
  }
  return low > 0 && endsAfter(furthest[low - 1]);
}
