// The options page's "Packs from a newsroom": import a pack file (file picker or drop), see what it
// is and who signed it, update it, remove it. Every check (core/pack-file.ts) runs before anything
// is stored, so a refused file changes nothing already installed; an unsigned pack is installed
// only after the reader confirms.
import { MAX_PACK_FILE_BYTES, PackFileError, readPackFile, type ReadPack, type Signer } from '../core/pack-file.ts';
import { shortDate } from '../shared/dates.ts';
import { t } from '../shared/i18n.ts';
import { changesSigner, planInstall, withoutPack, type InstallOutcome } from '../shared/imported-packs.ts';
import { readImportedPacks, writeImportedPacks } from '../shared/imported-store.ts';

interface Elements {
  input: HTMLInputElement;
  drop: HTMLElement;
  status: HTMLElement;
  pending: HTMLElement;
  list: HTMLUListElement;
}

const OUTCOME_MESSAGES: Record<InstallOutcome, string> = {
  installed: 'importInstalled',
  updated: 'importUpdated',
  same: 'importSame',
  older: 'importOlder',
  bundled: 'importBundled',
};

const element = <K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string): HTMLElementTagNameMap[K] => {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
};

const signerText = (signer: Signer | undefined) => (signer ? t(signer.holds ? 'importSignedBy' : 'importSignatureFails', signer.key) : t('importUnsigned'));

/** “Title”, then publisher, date, notes, version and signer: what a pack is, before and after it is installed. */
function describePack(pack: ReadPack): HTMLElement[] {
  const { article, notes } = pack.data;
  return [
    element('strong', `“${article.title}”`),
    element('span', t('importDetails', article.publisher, shortDate(article.published), String(notes.length), pack.bundled.slice(0, 10)), 'pack-details'),
    element('span', signerText(pack.signer), pack.signer?.holds ? 'pack-signer signed' : 'pack-signer'),
  ];
}

export function mountPackImport(elements: Elements, bundledSlugs: ReadonlySet<string>): void {
  const { input, drop, status, pending, list } = elements;

  function say(message: string, problems: readonly string[] = []): void {
    const items = problems.map((problem) => element('li', problem));
    status.replaceChildren(element('span', message), ...(items.length > 0 ? [Object.assign(element('ul'), { className: 'problems' })] : []));
    status.querySelector('ul')?.append(...items);
  }

  async function renderInstalled(): Promise<void> {
    const packs = Object.values(await readImportedPacks()).sort((a, b) => a.slug.localeCompare(b.slug));
    if (packs.length === 0) return void list.replaceChildren(element('li', t('importedEmpty')));
    list.replaceChildren(
      ...packs.map((pack) => {
        const remove = element('button', t('removePackButton'));
        remove.type = 'button';
        remove.setAttribute('aria-label', t('removePack', pack.data.article.title));
        remove.addEventListener('click', () => void removePack(pack.slug, pack.data.article.title));
        const text = element('div', undefined, 'pack-text');
        text.append(...describePack(pack));
        const item = element('li');
        item.dataset.slug = pack.slug;
        item.append(text, remove);
        return item;
      }),
    );
  }

  async function removePack(slug: string, title: string): Promise<void> {
    await writeImportedPacks(withoutPack(await readImportedPacks(), slug));
    await renderInstalled();
    say(t('importRemoved', title));
    input.focus();
  }

  async function install(pack: ReadPack): Promise<void> {
    pending.hidden = true;
    pending.replaceChildren();
    const { outcome, packs } = planInstall(await readImportedPacks(), pack, bundledSlugs);
    if (outcome === 'installed' || outcome === 'updated') {
      try {
        await writeImportedPacks(packs);
      } catch (error) {
        // storage.local.set writes both keys or neither (a full storage, say): nothing changed.
        await renderInstalled();
        return say(t('importStoreFailed', pack.data.article.title), [String(error)]);
      }
    }
    await renderInstalled();
    say(t(OUTCOME_MESSAGES[outcome], outcome === 'bundled' ? pack.slug : pack.data.article.title));
  }

  /** An unsigned pack, or one signed by another key than the installed version: what it is, why that matters, and the reader's choice. */
  function confirmInstall(pack: ReadPack, otherSigner: boolean): void {
    const installButton = element('button', t(otherSigner ? 'importOtherSignerInstall' : 'importUnsignedInstall'));
    installButton.type = 'button';
    installButton.addEventListener('click', () => void install(pack).then(() => input.focus()));
    const cancel = element('button', t('importCancel'));
    cancel.type = 'button';
    cancel.addEventListener('click', () => {
      pending.hidden = true;
      pending.replaceChildren();
      say(t('importCancelled'));
      input.focus();
    });
    const details = element('p', undefined, 'pack-text');
    details.append(...describePack(pack));
    const actions = element('p', undefined, 'actions');
    actions.append(installButton, cancel);
    pending.replaceChildren(element('h3', t(otherSigner ? 'importOtherSignerTitle' : 'importUnsignedTitle')), details, element('p', t(otherSigner ? 'importOtherSignerText' : 'importUnsignedText')), actions);
    pending.hidden = false;
    say(t(otherSigner ? 'importConfirmOtherSigner' : 'importConfirm'));
    installButton.focus();
  }

  async function importFile(file: File): Promise<void> {
    pending.hidden = true;
    pending.replaceChildren();
    // The size first, before a byte is read: a huge file is refused without being loaded.
    if (file.size > MAX_PACK_FILE_BYTES) return say(t('importRefused', file.name), [new PackFileError([`the file is ${(file.size / 1024 / 1024).toFixed(1)} MB; a pack file is at most ${MAX_PACK_FILE_BYTES / 1024 / 1024} MB`]).message]);
    say(t('importChecking', file.name));
    let pack: ReadPack;
    try {
      pack = await readPackFile(new Uint8Array(await file.arrayBuffer()));
    } catch (error) {
      return say(t('importRefused', file.name), error instanceof PackFileError ? error.problems : [String(error)]);
    }
    const otherSigner = changesSigner(await readImportedPacks(), pack);
    if (!pack.signer || otherSigner) return confirmInstall(pack, otherSigner);
    await install(pack);
  }

  input.addEventListener('change', () => {
    const [file] = input.files ?? [];
    input.value = '';
    if (file) void importFile(file);
  });
  drop.addEventListener('dragover', (event) => {
    event.preventDefault();
    drop.classList.add('over');
  });
  drop.addEventListener('dragleave', () => drop.classList.remove('over'));
  drop.addEventListener('drop', (event) => {
    event.preventDefault();
    drop.classList.remove('over');
    const [file] = event.dataTransfer?.files ?? [];
    if (file) void importFile(file);
  });
  void renderInstalled();
}
