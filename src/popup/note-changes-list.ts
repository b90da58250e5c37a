// The popup's "changed since your last visit": notes new, corrected or withdrawn since the reader
// last opened the popup on this article. A first visit records what there is and shows nothing.
import { changesSince, seenNow, type NoteChange } from '../model/note-changes.ts';
import { shortDate } from '../shared/dates.ts';
import { t } from '../shared/i18n.ts';
import type { PageStatus } from '../shared/messages.ts';
import { readSeen, writeSeen } from '../shared/seen-store.ts';

const LABEL: Record<NoteChange['kind'], string> = { new: 'changeNew', updated: 'changeUpdated', withdrawn: 'changeWithdrawn' };

function item(change: NoteChange): HTMLLIElement {
  const entry = document.createElement('li');
  const label = document.createElement('strong');
  label.textContent = t(LABEL[change.kind], shortDate(change.date));
  entry.append(label, ` ${change.title}`);
  if (change.what) entry.append(`: ${change.what}`);
  return entry;
}

export async function renderChanges(section: HTMLDetailsElement, status: PageStatus | undefined): Promise<void> {
  section.hidden = true;
  if (status?.state !== 'found' || !status.pack || !status.editions) return;
  const seen = await readSeen(status.pack);
  const changes = seen ? changesSince(status.editions, seen) : [];
  await writeSeen(status.pack, seenNow(status.editions, seen));
  if (changes.length === 0) return;
  const summary = section.querySelector('summary') as HTMLElement;
  summary.textContent = t('changesHeading', String(changes.length));
  (section.querySelector('ul') as HTMLUListElement).replaceChildren(...changes.map(item));
  section.hidden = false;
}
