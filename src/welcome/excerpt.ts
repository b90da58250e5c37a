// The first-run page's excerpt: the article's first paragraphs, its names and claims painted with
// the real highlight styles, each focusable so that the sample note opens on hover, tap or Tab.
import type { Note } from '../model/note.ts';
import type { SampleHighlights } from '../shared/sample-highlights.ts';
import { findMentions } from './mentions.ts';
import type { TryCard } from './try-card.ts';

function mentionElement(text: string, note: Note, card: TryCard, cardId: string): HTMLSpanElement {
  const span = document.createElement('span');
  span.className = 'mention';
  span.textContent = text;
  span.tabIndex = 0;
  span.setAttribute('role', 'button');
  span.setAttribute('aria-describedby', cardId);
  span.dataset.note = note.id;
  const show = () => card.show(note, span);
  span.addEventListener('pointerenter', show);
  span.addEventListener('focus', show);
  span.addEventListener('pointerleave', () => {
    if (document.activeElement !== span) card.hide();
  });
  span.addEventListener('blur', () => card.hide());
  span.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') card.hide();
    else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      show();
    }
  });
  return span;
}

export function renderExcerpt(container: HTMLElement, paragraphs: readonly string[], notes: readonly Note[], highlights: SampleHighlights, card: TryCard, cardId: string): void {
  const painted: Array<{ note: Note; span: HTMLSpanElement }> = [];
  container.replaceChildren(
    ...paragraphs.map((text) => {
      const paragraph = document.createElement('p');
      let at = 0;
      for (const mention of findMentions(text, notes)) {
        paragraph.append(text.slice(at, mention.start));
        const span = mentionElement(text.slice(mention.start, mention.end), mention.note, card, cardId);
        paragraph.append(span);
        painted.push({ note: mention.note, span });
        at = mention.end;
      }
      paragraph.append(text.slice(at));
      return paragraph;
    }),
  );
  // Ranges made once the words are in the document: Firefox (153) paints no range made in a detached tree.
  for (const { note, span } of painted) {
    const range = document.createRange();
    range.selectNodeContents(span);
    highlights.add(note.kind, range);
  }
}
