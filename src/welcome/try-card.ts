// The first-run page's sample note: the kind, title and summary of the note of the name the reader
// hovers or focuses, in a small card under it. Text only.
import { withoutMarkers } from '../model/citations.ts';
import type { Note, NoteKind } from '../model/note.ts';
import { t } from '../shared/i18n.ts';

const KIND_NAME: Record<NoteKind, string> = { person: 'kindPerson', event: 'kindEvent', claim: 'kindClaim' };

export interface TryCard {
  show(note: Note, anchor: HTMLElement): void;
  hide(): void;
}

/** `card` is an empty element positioned absolutely inside `frame` (position: relative). */
export function createTryCard(card: HTMLElement, frame: HTMLElement): TryCard {
  const kind = document.createElement('p');
  kind.className = 'try-kind';
  const title = document.createElement('p');
  title.className = 'try-title';
  const summary = document.createElement('p');
  summary.className = 'try-summary';
  card.replaceChildren(kind, title, summary);
  card.hidden = true;
  return {
    show(note, anchor) {
      kind.textContent = t(KIND_NAME[note.kind]);
      title.textContent = note.title;
      summary.textContent = withoutMarkers(note.summary);
      card.hidden = false;
      // Below the last line of the mention (a quoted claim may wrap), inside the frame.
      const rects = anchor.getClientRects();
      const first = rects[0] ?? anchor.getBoundingClientRect();
      const last = rects[rects.length - 1] ?? first;
      const box = frame.getBoundingClientRect();
      const left = Math.max(0, Math.min(first.left - box.left, box.width - card.offsetWidth));
      card.style.left = `${left}px`;
      card.style.top = `${last.bottom - box.top + 6}px`;
    },
    hide() {
      card.hidden = true;
    },
  };
}
