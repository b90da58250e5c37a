import { describe, expect, it } from 'vitest';
import { furthestEnds, overlapsAny } from '../../../src/core/overlap.ts';

/** Places as [start, end) offsets, sorted by start; the span too. */
function overlaps(places: Array<[number, number]>, span: [number, number]): { result: boolean; questions: number } {
  const furthest = furthestEnds(places.map(([, end]) => end), (a, b) => a > b);
  let questions = 0;
  const result = overlapsAny(
    places.length,
    (i) => (questions++, places[i][0] < span[1]),
    (i) => (questions++, places[i][1] > span[0]),
    furthest,
  );
  return { result, questions };
}

const brute = (places: Array<[number, number]>, [start, end]: [number, number]) => places.some(([a, b]) => a < end && start < b);

describe('whether a span overlaps one of a set of places', () => {
  it('finds the furthest end so far, for places nested in a longer one', () => {
    expect(furthestEnds([10, 4, 30, 12], (a, b) => a > b)).toEqual([0, 0, 2, 2]);
  });

  it('sees a span over a name nested inside an earlier, longer claim', () => {
    // A claim 0–100 with names at 10–15 and 60–65 inside it, then a name at 200–205.
    const places: Array<[number, number]> = [[0, 100], [10, 15], [60, 65], [200, 205]];
    expect(overlaps(places, [80, 90]).result).toBe(true);
    expect(overlaps(places, [120, 190]).result).toBe(false);
    expect(overlaps(places, [204, 300]).result).toBe(true);
    expect(overlaps(places, [205, 300]).result).toBe(false);
    expect(overlaps(places, [0, 0]).result).toBe(false);
  });

  it('agrees with comparing every pair, in about 2 log2(n) + 1 questions', () => {
    let seed = 7;
    const random = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) % n);
    for (let round = 0; round < 300; round++) {
      const places = Array.from({ length: 1 + random(80) }, (): [number, number] => {
        const start = random(1000);
        return [start, start + 1 + random(60)];
      }).sort((a, b) => a[0] - b[0]);
      const start = random(1100);
      const span: [number, number] = [start, start + 1 + random(40)];
      const { result, questions } = overlaps(places, span);
      expect(result, JSON.stringify({ places, span })).toBe(brute(places, span));
      expect(questions).toBeLessThanOrEqual(2 * Math.ceil(Math.log2(places.length + 1)) + 1);
    }
  });
});
