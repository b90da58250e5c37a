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

const MONTH_NAMES = MONTH.source.slice(2, -2);
/** A date: a month's name with the day before or after it and the year, when they are there. */
const DATE_TEXT = new RegExp(`(?:\\b\\d{1,2}\\s+)?\\b${MONTH_NAMES}\\b\\.?(?:\\s+\\d{1,2}\\b)?(?:,?\\s+\\d{4}\\b)?`, 'g');
/** A figure: the whole token holding the digits, with its currency sign and unit ("$250m", "40%", "1,000"). */
const FIGURE_TEXT = /[$€£¥]?(?:\b[A-Za-z]+-?)?\d(?:[\d,.]*\d)?(?:%|[a-zA-Z]+\b)?/g;
const QUOTE_TEXT = /“[^”]*”?|"[^"]*"?|«[^»]*»?|[”»]/g;

/**
 * What makes a sentence need a citation, in the sentence's own words and in order: `a date ("17 Feb
 * 2025")`, `a year ("2024")`, `a figure ("$250m")`, `a quote (“…”)`. Empty when it needs none.
 */
export function citationTriggers(sentence: string): string[] {
  const plain = withoutMarkers(sentence);
  const found: { at: number; end: number; text: string }[] = [];
  const take = (pattern: RegExp, describe: (text: string) => string) => {
    for (const match of plain.matchAll(pattern)) {
      const at = match.index ?? 0;
      const end = at + match[0].length;
      if (!found.some((other) => at < other.end && end > other.at)) found.push({ at, end, text: describe(match[0].trim()) });
    }
  };
  take(QUOTE_TEXT, (text) => `a quote (${text})`);
  take(DATE_TEXT, (text) => `a date ("${text}")`);
  take(FIGURE_TEXT, (text) => (/^(1[89]|20)\d\d$/.test(text) ? `a year ("${text}")` : `a figure ("${text}")`));
  return found.sort((a, b) => a.at - b.at).map((trigger) => trigger.text);
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
