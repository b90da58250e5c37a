import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { locateSpan, segmentAt } from '../../../src/core/offsets.ts';

describe('offsets', () => {
  it('finds the segment that holds an offset', () => {
    const starts = [0, 5, 9, 20];
    expect([0, 4, 5, 8, 9, 19, 20, 25].map((offset) => segmentAt(starts, offset))).toEqual([0, 0, 1, 1, 2, 2, 3, 3]);
  });

  it('round-trips: a span located in segments reads back as the same text', () => {
    const segmentsAndSpan = fc
      .array(fc.string({ minLength: 1, maxLength: 8 }), { minLength: 1, maxLength: 20 })
      .chain((segments) => {
        const total = segments.join('').length;
        return fc.tuple(fc.constant(segments), fc.nat(total - 1), fc.nat(total - 1));
      });
    fc.assert(
      fc.property(segmentsAndSpan, ([segments, a, b]) => {
        const text = segments.join('');
        const [start, end] = [Math.min(a, b), Math.max(a, b) + 1];
        const starts = segments.map((_, i) => segments.slice(0, i).join('').length);
        const [from, to] = locateSpan(starts, start, end);
        let read = '';
        for (let s = from.segment; s <= to.segment; s++) {
          const begin = s === from.segment ? from.offset : 0;
          const finish = s === to.segment ? to.offset : segments[s].length;
          read += segments[s].slice(begin, finish);
        }
        expect(read).toBe(text.slice(start, end));
      }),
    );
  });
});
