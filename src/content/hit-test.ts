// Which anchored notes lie under a point, by geometry against Backstory's own live Ranges: works
// inside shadow roots and under transparent layers that a caret lookup would hit instead.

export interface Placed {
  start: number;
  end: number;
  range: Range;
}

const SLOP = 1;

function rectHolds(rect: DOMRect, x: number, y: number): boolean {
  return x >= rect.left - SLOP && x <= rect.right + SLOP && y >= rect.top - SLOP && y <= rect.bottom + SLOP;
}

/** The items whose text is under (x, y) in viewport coordinates, shortest first. */
export function itemsAtPoint<T extends Placed>(items: readonly T[], x: number, y: number): T[] {
  const hits: T[] = [];
  for (const item of items) {
    if (!rectHolds(item.range.getBoundingClientRect(), x, y)) continue;
    for (const rect of item.range.getClientRects()) {
      if (rectHolds(rect, x, y)) {
        hits.push(item);
        break;
      }
    }
  }
  return hits.sort((a, b) => a.end - a.start - (b.end - b.start));
}
