// Claim-level citations in note text. A sentence that states a figure, a date or a quote ends with
// a marker naming the sources that carry it: `[1]` or `[1,3]`, 1-based indices into the note's
// `sources`, written straight after the sentence's closing punctuation ("…in 2024.[2]").
// The validator (build/validate.ts) enforces the rules; the popover (note-card.ts) renders the
// markers as superscript links.

/** One citation marker: `[1]` or `[1,2]`. */
export const MARKER = /\[(\d+(?:,\s*\d+)*)\]/g;

const MONTH =
  /\b(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\b/;
const QUOTE = /[“”"«»]/;

/** Splits note text into sentences; a marker stays with the sentence it follows. */
export function sentences(text: string): string[] {
  const pieces = text
    .trim()
    .split(/(?<=[.!?…][”’"')]*(?:\[\d+(?:,\s*\d+)*\])?)\s+(?=[A-Z“"‘(0-9$])/)
    .filter((piece) => piece.length > 0);
  // A full stop inside a quotation does not end the sentence that quotes it.
  const merged: string[] = [];
  let open = false;
  for (const piece of pieces) {
    if (open) merged[merged.length - 1] += ` ${piece}`;
    else merged.push(piece);
    const current = merged[merged.length - 1];
    open = (current.match(/“/g)?.length ?? 0) > (current.match(/”/g)?.length ?? 0);
  }
  return merged;
}

/** The source indices a sentence cites, in order of appearance. */
export function citedIndices(sentence: string): number[] {
  return [...sentence.matchAll(MARKER)].flatMap((match) => match[1].split(',').map((index) => Number(index.trim())));
}

/** The sentence without its markers, as a reader sees it. */
export function withoutMarkers(text: string): string {
  return text.replace(MARKER, '');
}

/** Whether a sentence states a figure, a date or a quote, and so must cite a source. */
export function needsCitation(sentence: string): boolean {
  const plain = withoutMarkers(sentence);
  return /\d/.test(plain) || MONTH.test(plain) || QUOTE.test(plain);
}

export type TextPart = { text: string } | { cite: number[] };

/** Text and markers in order, for rendering. */
export function splitCitations(text: string): TextPart[] {
  const parts: TextPart[] = [];
  let last = 0;
  for (const match of text.matchAll(MARKER)) {
    const at = match.index ?? 0;
    if (at > last) parts.push({ text: text.slice(last, at) });
    parts.push({ cite: match[1].split(',').map((index) => Number(index.trim())) });
    last = at + match[0].length;
  }
  if (last < text.length) parts.push({ text: text.slice(last) });
  return parts;
}
