// Where the notes' names and quoted claims occur in a paragraph of the first-run page's excerpt:
// every whole-word occurrence of an alias, variant or quoted passage, the longest first where two
// overlap. (The article's page uses the full anchoring in src/content; the excerpt is the pack's own
// text, so exact occurrences are enough here.)
import type { Note } from '../model/note.ts';

export interface Mention {
  start: number;
  end: number;
  note: Note;
}

const WORD = /[\p{L}\p{N}]/u;
const isWordChar = (char: string | undefined): boolean => char !== undefined && WORD.test(char);

function formsOf(note: Note): string[] {
  return [...(note.aliases ?? []), ...(note.variants ?? []), ...(note.selectors ?? []).map((selector) => selector.exact)].filter((form) => form.length > 0);
}

function occurrences(text: string, form: string): number[] {
  const found: number[] = [];
  for (let at = text.indexOf(form); at !== -1; at = text.indexOf(form, at + 1)) {
    if (!isWordChar(text[at - 1]) && !isWordChar(text[at + form.length])) found.push(at);
  }
  return found;
}

/** Non-overlapping mentions in `text`, in reading order; withdrawn notes are never marked. */
export function findMentions(text: string, notes: readonly Note[]): Mention[] {
  const candidates = notes.filter((note) => !note.withdrawn).flatMap((note) => formsOf(note).flatMap((form) => occurrences(text, form).map((start) => ({ start, end: start + form.length, note }))));
  candidates.sort((a, b) => a.start - b.start || b.end - a.end);
  const chosen: Mention[] = [];
  for (const candidate of candidates) {
    const last = chosen.at(-1);
    if (last && candidate.start < last.end) {
      // A longer mention starting inside the previous one does not replace it: first come, kept.
      continue;
    }
    chosen.push(candidate);
  }
  return chosen;
}
