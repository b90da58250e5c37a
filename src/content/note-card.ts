// Builds the DOM of one note for the popover. Note text is only ever set as text.
import type { Note } from '../model/note.ts';
import { t } from '../shared/i18n.ts';

const KIND_LABEL: Record<Note['kind'], string> = { person: 'kindPerson', event: 'kindEvent', claim: 'kindClaim' };

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function formatDate(iso: string): string {
  const [year, month, day] = iso.split('-').map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
}

function isSafeLink(url: string): boolean {
  try {
    return new URL(url).protocol === 'https:';
  } catch {
    return false;
  }
}

export function renderNote(note: Note, titleId: string): HTMLElement {
  const section = element('section', `note note-${note.kind}`);
  section.append(element('p', 'kind', t(KIND_LABEL[note.kind])));
  const title = element('h2', 'title', note.title);
  title.id = titleId;
  section.append(title, element('p', 'summary', note.summary), element('p', 'body', note.body));
  section.append(element('p', 'as-of', t('asOf', formatDate(note.asOf))));
  const links = note.sources.filter((source) => isSafeLink(source.url));
  if (links.length > 0) {
    const list = element('ul', 'sources');
    list.setAttribute('aria-label', t('sources'));
    for (const source of links) {
      const link = element('a', 'source', source.title);
      link.href = source.url;
      link.target = '_blank';
      link.rel = 'noopener noreferrer';
      const item = element('li', '');
      item.append(link);
      list.append(item);
    }
    section.append(list);
  }
  return section;
}
