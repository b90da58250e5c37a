// Whether the words under a highlight are drawn in the order the text has them. A page can reorder
// an article's own words without changing its text: flex or grid items with `order`, `*-reverse`
// directions or placement, relative or absolute positioning, transforms, or right-to-left
// isolates around Latin words ("Trump has accused Biden" drawn as "Biden has accused Trump").
// Pure: rendered-text.ts hands it the boxes of each piece of text, in text order.

export interface Box {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/** Slack for rounding and kerning, in CSS pixels. */
const SLACK_PX = 2;

/**
 * Whether `next`, the first box of a piece of text, is drawn before `previous`, the last box of
 * the piece before it, in left-to-right text: on the same line (vertical centres closer than half
 * the taller box) and starting to its left; or on a line above that is not a new column to its right.
 */
export function drawnBefore(previous: Box, next: Box): boolean {
  const centre = (box: Box) => (box.top + box.bottom) / 2;
  const half = Math.max(previous.bottom - previous.top, next.bottom - next.top) / 2;
  const rise = centre(previous) - centre(next);
  if (rise >= half) return next.left < previous.right - SLACK_PX;
  if (rise <= -half) return false;
  return next.left < previous.left - SLACK_PX;
}

/** Letters of right-to-left scripts: their words are drawn right to left, which this check does not model. */
export const RIGHT_TO_LEFT = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/u;

/**
 * Invisible bidi controls (RLM, ALM, embeddings, overrides, isolates): around Latin words they can
 * reorder them inside one text node, with the paragraph's `direction`, and the tokenizer skips them
 * as default-ignorable. Looked for in the whole block (a bidi paragraph), not only under the range:
 * an isolate opened before a note's words reorders them too.
 */
export const BIDI_CONTROL = /[\u061C\u200F\u202A-\u202E\u2066-\u2069]/u;
