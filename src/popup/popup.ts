// The toolbar popup: this tab's state, the two switches, the key to the highlights, and this tab's
// notes. Settings changes are picked up live by every tab's content script through storage.onChanged.
import browser from 'webextension-polyfill';
import type { ArticleMeta, NoteKind, NoteSummary } from '../model/note.ts';
import { toImportedGate, type PageStatus, type ToContent } from '../shared/messages.ts';
import { parsePageStatus } from '../shared/page-status.ts';
import { localizePage, t } from '../shared/i18n.ts';
import { mountLegend } from '../shared/legend.ts';
import { checkPage } from './check-page.ts';
import { renderChanges } from './note-changes-list.ts';
import type { Settings } from '../shared/settings.ts';
import { readSettings, updateSettings } from '../shared/settings-store.ts';
import { withSite } from '../shared/site-list.ts';
import { renderWithheld } from './withheld.ts';

const GROUPS: ReadonlyArray<{ kind: NoteKind; heading: string }> = [
  { kind: 'person', heading: 'groupPerson' },
  { kind: 'event', heading: 'groupEvent' },
  { kind: 'claim', heading: 'groupClaim' },
];
/** Time for the content script to apply a settings change before the popup asks again. */
const SETTLE_MS = 400;

function byId<T extends HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (!element) throw new Error(`popup.html has no #${id}`);
  return element as T;
}

const statusText = byId<HTMLParagraphElement>('status');
const enabledSwitch = byId<HTMLInputElement>('enabled');
const siteSwitch = byId<HTMLInputElement>('site');
const siteLabel = byId<HTMLSpanElement>('site-label');
const notesSection = byId<HTMLElement>('notes-section');
const notesList = byId<HTMLDivElement>('notes');
const aboutSection = byId<HTMLElement>('about-section');
const interference = byId<HTMLParagraphElement>('interference');

/**
 * The tab the popup is about: the active tab; or, when popup.html is open as a tab of its own (a
 * reader who bookmarked it, or a test), the tab that was active before it.
 */
async function activeTabId(): Promise<number | undefined> {
  const self = await browser.tabs.getCurrent();
  if (!self) {
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    return tab?.id;
  }
  const others = (await browser.tabs.query({ currentWindow: true })).filter((tab) => tab.id !== self.id);
  others.sort((a, b) => (b.lastAccessed ?? 0) - (a.lastAccessed ?? 0));
  return others[0]?.id;
}

/**
 * A tab may run two gates, the bundled packs' and the imported packs' (while a pack is imported),
 * in one isolated world: the second answers only messages addressed to it (messages.ts). So the
 * message goes to both, and the answer of the one that shows an article wins.
 */
async function sendToTab(message: ToContent): Promise<unknown> {
  const tabId = await activeTabId();
  if (tabId === undefined) return undefined;
  const [bundled, imported] = await Promise.all([
    browser.tabs.sendMessage(tabId, message).catch(() => undefined),
    browser.tabs.sendMessage(tabId, toImportedGate(message)).catch(() => undefined),
  ]);
  if (message.type !== 'get-status') return bundled || imported;
  return parsePageStatus(imported)?.state === 'found' ? imported : bundled ?? imported;
}

function describe(status: PageStatus | undefined, settings?: Settings): string {
  if (!status) return t('statusUnavailable');
  switch (status.state) {
    case 'found': {
      const found = status.notes.length === 1 ? t('statusFoundOne') : t('statusFound', String(status.notes.length));
      // Notes of the kinds shown that this page does not carry as the article wrote them, said.
      const expected = (status.editions ?? []).filter((edition) => !edition.withdrawn && (!settings || settings.kinds[edition.kind])).length;
      return expected > status.notes.length ? `${found} ${t('statusMissing', String(expected - status.notes.length))}` : found;
    }
    case 'not-found':
      return t('statusNotFound');
    case 'off':
      return t('statusOff');
    case 'site-off':
      return t('statusSiteOff', status.host);
  }
}

function noteButton(note: NoteSummary): HTMLLIElement {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'note-link';
  button.textContent = note.title;
  button.addEventListener('click', async () => {
    await sendToTab({ type: 'show-note', id: note.id });
    window.close();
  });
  const item = document.createElement('li');
  item.append(button);
  return item;
}

function renderNotes(status: PageStatus | undefined): void {
  const notes = status?.state === 'found' ? status.notes : [];
  notesSection.hidden = notes.length === 0;
  notesList.replaceChildren(
    ...GROUPS.filter((group) => notes.some((note) => note.kind === group.kind)).map((group) => {
      const heading = document.createElement('h3');
      heading.textContent = t(group.heading);
      heading.id = `group-${group.kind}`;
      const list = document.createElement('ul');
      list.setAttribute('aria-labelledby', heading.id);
      list.append(...notes.filter((note) => note.kind === group.kind).map(noteButton));
      const section = document.createElement('div');
      section.append(heading, list);
      return section;
    }),
  );
}

/** Where the article found on this tab was first published (each pack has its own), and its provenance note. */
function renderAbout(article: ArticleMeta | undefined): void {
  aboutSection.hidden = !article;
  if (!article) return;
  const link = document.createElement('a');
  link.href = article.url;
  link.target = '_blank';
  link.rel = 'noopener noreferrer';
  link.textContent = article.publisher;
  const published = new Date(`${article.published}T00:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  byId('about-source').replaceChildren(`“${article.title}”, `, link, `, ${published}.`);
  byId('about-text').textContent = article.about;
  // The same provenance story, as a note highlighted on the page ("upcoming").
  const provenance = article.provenanceNote;
  const showNote = byId<HTMLButtonElement>('about-note');
  showNote.hidden = !provenance;
  showNote.onclick = provenance
    ? async () => {
        await sendToTab({ type: 'show-note', id: provenance });
        window.close();
      }
    : null;
}

/** The content script knows whether the article is here; the settings say whether Backstory is on. */
function withSettings(status: PageStatus | undefined, settings: Settings): PageStatus | undefined {
  if (!status || status.state === 'found') return status;
  if (!settings.enabled) return { ...status, state: 'off' };
  return settings.disabledSites.includes(status.host) ? { ...status, state: 'site-off' } : status;
}

async function refresh(): Promise<void> {
  const [settings, reported] = await Promise.all([readSettings(), sendToTab({ type: 'get-status' }).then(parsePageStatus)]);
  const status = withSettings(reported, settings);
  statusText.textContent = describe(status, settings);
  interference.hidden = !status?.interfered && !status?.blocked;
  interference.textContent = t(status?.blocked ? 'statusBlocked' : 'statusInterfered');
  renderWithheld(interference, status?.state === 'found' ? (status.withheld ?? []) : []);
  enabledSwitch.checked = settings.enabled;
  const host = status?.host ?? '';
  siteSwitch.disabled = host === '';
  // "Off on this site": checked when the reader switched Backstory off here.
  siteSwitch.checked = host !== '' && settings.disabledSites.includes(host);
  siteLabel.textContent = host ? t('switchSite', host) : t('switchSiteGeneric');
  siteSwitch.dataset.host = host;
  renderNotes(status);
  renderAbout(status?.state === 'found' ? status.article : undefined);
  byId('check').hidden = status?.state !== 'not-found';
  if (!changesShown) await renderChanges(byId<HTMLDetailsElement>('changes-section'), status);
  changesShown ||= status?.state === 'found';
}

/** The changes are worked out once per opening: the first look records what the reader has now seen. */
let changesShown = false;

async function update(change: (settings: Settings) => Settings): Promise<void> {
  await updateSettings(change);
  setTimeout(() => void refresh(), SETTLE_MS);
}

enabledSwitch.addEventListener('change', () => {
  void update((settings) => ({ ...settings, enabled: enabledSwitch.checked }));
});
siteSwitch.addEventListener('change', () => {
  const host = siteSwitch.dataset.host ?? '';
  if (host) void update((settings) => withSite(settings, host, !siteSwitch.checked));
});

byId('open-settings').addEventListener('click', () => void browser.runtime.openOptionsPage());
byId('check-page').addEventListener('click', async () => {
  const result = byId('check-result');
  const tabId = await activeTabId();
  if (tabId === undefined) return;
  result.textContent = await checkPage(tabId).catch(() => t('checkFailed'));
  result.hidden = false;
});

localizePage();
mountLegend(byId<HTMLUListElement>('legend'));
void refresh();
