// The first-run page, opened once when Backstory is installed (background.ts): what it does, the
// key to the highlights, a paragraph to try, where the toolbar button is, and the shortcuts.
import browser from 'webextension-polyfill';
import { excerpt, notes } from 'virtual:backstory-annotations';
import { localizePage, t } from '../shared/i18n.ts';
import { mountLegend } from '../shared/legend.ts';
import { renderExcerpt } from './excerpt.ts';
import { renderShortcuts } from './shortcuts.ts';
import { createTryCard } from './try-card.ts';

function byId<T extends HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (!element) throw new Error(`welcome.html has no #${id}`);
  return element as T;
}

localizePage();
const highlights = mountLegend(byId<HTMLUListElement>('legend'));
const card = createTryCard(byId('try-card'), byId('try-frame'));
renderExcerpt(byId('excerpt'), excerpt, notes, highlights, card, 'try-card');
byId('pin-text').textContent = t(__BROWSER__ === 'firefox' ? 'welcomePinFirefox' : 'welcomePinChrome');
void renderShortcuts(byId<HTMLUListElement>('shortcuts'), byId('shortcuts-where'));
byId('open-settings').addEventListener('click', () => void browser.runtime.openOptionsPage());
