// The first-run page's keyboard shortcuts: the keys the browser actually assigned (a suggested key
// may be taken by the browser or another extension, and is then left unset), and where to change them.
import browser from 'webextension-polyfill';
import { t } from '../shared/i18n.ts';

export async function renderShortcuts(list: HTMLUListElement, where: HTMLElement): Promise<void> {
  const commands = (await browser.commands.getAll()).filter((command) => command.name && !command.name.startsWith('_'));
  list.replaceChildren(
    ...commands.map((command) => {
      const item = document.createElement('li');
      const key = document.createElement(command.shortcut ? 'kbd' : 'span');
      key.className = command.shortcut ? 'shortcut' : 'shortcut unset';
      key.textContent = command.shortcut || t('shortcutNotSet');
      const description = document.createElement('span');
      description.textContent = command.description ?? command.name ?? '';
      item.append(key, ' ', description);
      return item;
    }),
  );
  where.textContent = t(__BROWSER__ === 'firefox' ? 'shortcutsWhereFirefox' : 'shortcutsWhereChrome');
}
