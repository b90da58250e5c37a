// The popup's account of notes Backstory did not paint on this tab because the page does not show
// their words as the article wrote them: one line, and the notes with the reason in a disclosure.
// Self-contained: the element is made here and placed after the node it is given.
import { t } from '../shared/i18n.ts';
import type { WithheldNote, WithheldReason } from '../shared/messages.ts';

const REASON_KEYS: Record<WithheldReason, string> = {
  hidden: 'withheldHidden',
  'generated-content': 'withheldGeneratedContent',
  'foreign-content': 'withheldForeignContent',
  'text-transform': 'withheldTextTransform',
  'zero-size': 'withheldZeroSize',
  reordered: 'withheldReordered',
};

const ID = 'withheld';

/** Shows (or removes) the withheld notes after `after`; text only, through textContent. */
export function renderWithheld(after: Element, withheld: readonly WithheldNote[]): void {
  let details = document.getElementById(ID) as HTMLDetailsElement | null;
  if (withheld.length === 0) {
    details?.remove();
    return;
  }
  if (!details) {
    details = document.createElement('details');
    details.id = ID;
    details.className = 'warning';
    after.after(details);
  }
  const summary = document.createElement('summary');
  summary.textContent = withheld.length === 1 ? t('withheldSummaryOne') : t('withheldSummary', String(withheld.length));
  const list = document.createElement('ul');
  for (const note of withheld) {
    const item = document.createElement('li');
    const title = document.createElement('strong');
    title.textContent = note.title;
    item.append(title, `: ${t(REASON_KEYS[note.reason])}`);
    list.append(item);
  }
  details.replaceChildren(summary, list);
}
