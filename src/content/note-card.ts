// Builds the DOM of one note for the popover. Note text is only ever set as text.
import { splitCitations } from '../model/citations.ts';
import type { Note, Source } from '../model/note.ts';
import { shortDate } from '../shared/dates.ts';
import { t } from '../shared/i18n.ts';
import { isHttpsUrl } from '../shared/messages.ts';

const KIND_LABEL: Record<Note['kind'], string> = { person: 'kindPerson', event: 'kindEvent', claim: 'kindClaim' };

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}


function externalLink(className: string, text: string, url: string): HTMLAnchorElement {
  const link = element('a', className, text);
  link.href = url;
  link.target = '_blank';
  link.rel = 'noopener noreferrer';
  return link;
}

/** One `[1,2]` marker as a superscript: each index a link to its source, named "Source 2: <title>". */
function citation(indices: readonly number[], sources: readonly Source[]): HTMLElement {
  const sup = element('sup', 'cite');
  indices.forEach((index, i) => {
    if (i > 0) sup.append(',');
    const source = sources[index - 1];
    if (!source || !isHttpsUrl(source.url)) return void sup.append(String(index));
    const link = externalLink('cite-link', String(index), source.url);
    link.setAttribute('aria-label', t('citationLabel', String(index), source.title));
    link.title = source.title;
    // Inherit the text colour (readable in light and dark schemes); the underline marks it as a link.
    link.style.color = 'inherit';
    sup.append(link);
  });
  return sup;
}

/** A paragraph of note text with its citation markers turned into superscript links. */
function citedParagraph(className: string, text: string, sources: readonly Source[]): HTMLParagraphElement {
  const paragraph = element('p', className);
  for (const part of splitCitations(text)) paragraph.append('text' in part ? part.text : citation(part.cite, sources));
  return paragraph;
}

/**
 * A note as a card read at a glance: kind, title, summary and date; the body and the sources are in
 * the DOM (outside checks read the whole note) but hidden behind a disclosure button until asked for.
 */
export function renderNote(note: Note, ids: { title: string; details: string }): HTMLElement {
  const section = element('section', `note note-${note.kind}`);
  section.append(element('p', 'kind', t(KIND_LABEL[note.kind])));
  const title = element('h2', 'title', note.title);
  title.id = ids.title;
  section.append(title, citedParagraph('summary', note.summary, note.sources));
  const corrected = note.version > 1 && note.changeNote !== undefined;
  const dates = element('p', 'as-of', t('asOf', shortDate(note.asOf)));
  // A corrected note says so at a glance; what changed is one click away.
  if (corrected) dates.append(' · ', element('span', 'updated', t('noteUpdated', shortDate(note.updated))));
  section.append(dates);
  const details = element('div', 'details');
  details.id = ids.details;
  details.hidden = true;
  if (corrected) details.append(element('p', 'change', note.changeNote));
  details.append(citedParagraph('body', note.body, note.sources));
  const safeSources = note.sources.filter((source) => isHttpsUrl(source.url));
  if (safeSources.length > 0) {
    // Numbered as the citation markers number them.
    const list = element('ol', 'sources');
    list.setAttribute('aria-label', t('sources'));
    note.sources.forEach((source, i) => {
      if (!isHttpsUrl(source.url)) return;
      const item = element('li', '');
      item.value = i + 1;
      item.append(externalLink('source', source.title, source.url));
      list.append(item);
    });
    details.append(list);
  }
  const more = element('button', 'more', t('noteDetails', String(safeSources.length)));
  more.type = 'button';
  more.setAttribute('aria-expanded', 'false');
  more.setAttribute('aria-controls', ids.details);
  section.append(more, details);
  return section;
}

/** Opens or closes a card's details from its disclosure button; true when they are now open. */
export function toggleDetails(button: HTMLElement): boolean {
  const details = button.parentElement?.querySelector<HTMLElement>(':scope > .details');
  if (!details) return false;
  const open = details.hidden;
  details.hidden = !open;
  button.setAttribute('aria-expanded', String(open));
  return open;
}
