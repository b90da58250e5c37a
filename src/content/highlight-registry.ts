// Paints anchored notes with the CSS Custom Highlight API: Ranges in CSS.highlights, never DOM edits.
import { NOTE_KINDS, type NoteKind } from '../model/note.ts';

const HIGHLIGHT_PREFIX = 'backstory';

const PRIORITY: Record<NoteKind, number> = { claim: 0, event: 1, person: 2 };

export function highlightName(kind: NoteKind): string {
  return `${HIGHLIGHT_PREFIX}-${kind}`;
}

export function paintHighlights(ranges: ReadonlyArray<{ kind: NoteKind; range: Range }>): void {
  for (const kind of NOTE_KINDS) {
    const highlight = new Highlight(...ranges.filter((item) => item.kind === kind).map((item) => item.range));
    highlight.priority = PRIORITY[kind];
    CSS.highlights.set(highlightName(kind), highlight);
  }
}

export function clearHighlights(): void {
  for (const kind of NOTE_KINDS) CSS.highlights.delete(highlightName(kind));
}
