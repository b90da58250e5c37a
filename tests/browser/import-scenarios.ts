// Packs a reader imports on the options page (issue 22): a pack file is checked, shown with its
// signer, stored, found and annotated on its article's page by the second gate, which is registered
// only while a pack is imported, and removed again. Shared by chromium.test.ts and firefox.test.ts.
import { beforeAll, describe, expect, it } from 'vitest';
import { IMPORTED_GATE_SCRIPT_ID } from '../../src/shared/imported-packs.ts';
import { toImportedGate } from '../../src/shared/messages.ts';
import { paragraphsHtml } from '../support/article.ts';
import { testPackFiles, type TestPackFiles } from '../support/pack-files.ts';
import type { TestBrowser, TestPage } from './harness/browsers.ts';
import { axeViolations, fromExtensionPage, highlightPoint, sleep, totalHighlights, waitFor } from './harness/page-probes.ts';
import { useSession } from './harness/session.ts';

/** Gives the options page's file picker a file, as a reader choosing one does (no driver-specific upload API). */
const chooseFile = (options: TestPage, name: string, text: string) =>
  options.evaluate(
    ([fileName, content]) => {
      const input = document.getElementById('pack-file') as HTMLInputElement;
      const transfer = new DataTransfer();
      transfer.items.add(new File([content], fileName, { type: 'application/json' }));
      input.files = transfer.files;
      input.dispatchEvent(new Event('change', { bubbles: true }));
    },
    [name, text] as const,
  );

/** Gives the file picker a file of raw bytes (a file that is not UTF-8). */
const chooseBytes = (options: TestPage, name: string, bytes: number[]) =>
  options.evaluate(
    ([fileName, content]) => {
      const input = document.getElementById('pack-file') as HTMLInputElement;
      const transfer = new DataTransfer();
      transfer.items.add(new File([new Uint8Array(content)], fileName, { type: 'application/json' }));
      input.files = transfer.files;
      input.dispatchEvent(new Event('change', { bubbles: true }));
    },
    [name, bytes] as const,
  );

/** Drops a file on the options page's drop zone. */
const dropFile = (options: TestPage, name: string, text: string) =>
  options.evaluate(
    ([fileName, content]) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([content], fileName, { type: 'application/json' }));
      document.getElementById('pack-drop')?.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    },
    [name, text] as const,
  );

const statusText = (options: TestPage) => options.evaluate(() => document.getElementById('pack-status')?.textContent ?? '', null);
const importedList = (options: TestPage) => options.evaluate(() => [...document.querySelectorAll('#imported-packs li')].map((item) => item.textContent ?? ''), null);
const registeredGates = (extensionPage: TestPage) =>
  extensionPage.evaluate(async () => (await chrome.scripting.getRegisteredContentScripts()).map((script) => script.id), null);

export function describeImport(launch: () => Promise<TestBrowser>): void {
  const session = useSession(launch);
  let files: TestPackFiles;
  beforeAll(() => {
    files = testPackFiles();
  });

  describe('a pack imported on the options page', () => {
    it('is checked, shown with its signer and stored; its article is then found and annotated, and removing it removes both the notes and the second gate', async () => {
      const url = session.server.page('/imported/article.html', files.html);
      const before = await session.browser.newPage();
      await before.goto(url);
      await sleep(1500);
      expect(await totalHighlights(before)).toBe(0);
      await before.close();

      const options = await session.browser.openOptions();
      expect(await registeredGates(options)).toEqual([]);
      expect(await importedList(options)).toEqual(['No pack imported.']);
      await chooseFile(options, `${files.slug}.backstory-pack.json`, files.signed);
      expect(await waitFor(() => statusText(options), (text) => text.startsWith('Installed'))).toContain(files.title);
      const [listed] = await importedList(options);
      expect(listed).toContain(`“${files.title}”`);
      expect(listed).toContain(`${files.pack.built.file.notes.length} notes`);
      expect(listed).toContain(`Signed by key ${files.keyFingerprint}: the signature holds.`);
      expect(await registeredGates(options)).toEqual([IMPORTED_GATE_SCRIPT_ID]);

      const page = await session.browser.newPage();
      await page.goto(url);
      await waitFor(() => totalHighlights(page), (total) => total > 0);
      expect(await highlightPoint(page, 'backstory-person', files.name)).not.toBeNull();
      await page.bringToFront();
      const popup = await session.browser.openPopup();
      const status = await waitFor(() => fromExtensionPage<{ state?: string; pack?: string }>(popup, { send: toImportedGate({ type: 'get-status' }) }), (value) => value?.state === 'found');
      expect(status.pack).toBe(files.slug);
      expect(await waitFor(() => popup.evaluate(() => document.getElementById('status')?.textContent ?? '', null), (text) => text.startsWith('Article found'))).toMatch(/^Article found/);
      await popup.close();

      await options.bringToFront();
      await options.click('#imported-packs button');
      expect(await waitFor(() => statusText(options), (text) => text.startsWith('Removed'))).toContain(files.title);
      expect(await registeredGates(options)).toEqual([]);
      expect(await importedList(options)).toEqual(['No pack imported.']);
      await page.close();
      const after = await session.browser.newPage();
      await after.goto(url);
      await sleep(1500);
      expect(await totalHighlights(after)).toBe(0);
      await after.close();
      await options.close();
    });

    it('annotates its article where it replaces the bundled pack’s article on the same page', async () => {
      const options = await session.browser.openOptions();
      await chooseFile(options, `${files.slug}.backstory-pack.json`, files.signed);
      await waitFor(() => statusText(options), (text) => text.startsWith('Installed'));
      // The bundled article first (its overlay is injected into the gates' shared world), then, as a
      // single-page site navigates, the imported pack's article in its place.
      const imported = /<article>[\s\S]*<\/article>/.exec(files.html)?.[0] ?? '';
      const page = await session.browser.newPage();
      await page.goto(session.server.page('/imported/after-bundled.html', `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Two articles</title></head><body><main id="main"><article>${paragraphsHtml()}</article></main></body></html>`));
      expect(await waitFor(() => highlightPoint(page, 'backstory-person', 'Lavrov'), (point) => point !== null)).not.toBeNull();
      await page.evaluate((html) => void ((document.getElementById('main') as HTMLElement).innerHTML = html), imported);
      expect(await waitFor(() => highlightPoint(page, 'backstory-person', files.name), (point) => point !== null, 20_000)).not.toBeNull();
      await page.close();
      await options.bringToFront();
      await options.click('#imported-packs button');
      await waitFor(() => registeredGates(options), (ids) => ids.length === 0);
      await options.close();
    });

    it('asks before installing an unsigned pack or replacing a signed one with another key’s, refuses a changed or older file without changing what is installed, and takes a newer one', async () => {
      const options = await session.browser.openOptions();
      await dropFile(options, 'unsigned.json', files.unsigned);
      await waitFor(() => statusText(options), (text) => text.includes('not signed'));
      expect(await options.evaluate(() => document.getElementById('pack-pending')?.textContent ?? '', null)).toContain('Not signed.');
      expect(await importedList(options)).toEqual(['No pack imported.']);
      // The choice has the focus, and the page stays accessible with it open.
      expect(await options.evaluate(() => document.activeElement?.textContent ?? '', null)).toBe('Install the unsigned pack');
      expect(await axeViolations(options)).toEqual([]);
      await options.keyboard.press('Enter');
      expect(await waitFor(() => statusText(options), (text) => text.startsWith('Installed'))).toContain(files.title);
      expect((await importedList(options))[0]).toContain('Not signed.');
      expect(await axeViolations(options)).toEqual([]);

      // One changed byte inside the signed payload: the signature no longer holds.
      const changed = files.newer.replace(files.title, `${files.title.slice(0, -1)}X`);
      await chooseFile(options, 'changed.json', changed);
      expect(await waitFor(() => statusText(options), (text) => text.includes('not installed'))).toContain('signature: does not hold');
      expect((await importedList(options))[0]).toContain('Not signed.');

      await chooseFile(options, 'newer.json', files.newer);
      expect(await waitFor(() => statusText(options), (text) => text.startsWith('Updated'))).toContain(files.title);
      expect(await importedList(options)).toHaveLength(1);
      expect((await importedList(options))[0]).toContain('bundled 2026-12-02');

      await chooseFile(options, 'older.json', files.signed);
      expect(await waitFor(() => statusText(options), (text) => text.startsWith('Not installed'))).toContain('older version');
      expect((await importedList(options))[0]).toContain('bundled 2026-12-02');

      // A later file signed by another key replaces a signed pack only if the reader says so.
      await chooseFile(options, 'other-key.json', files.otherKey);
      await waitFor(() => statusText(options), (text) => text.includes('not signed by the key of the installed version'));
      expect(await options.evaluate(() => document.querySelector('#pack-pending h3')?.textContent ?? '', null)).toBe('Not signed by the same key as the installed version');
      await options.click('#pack-pending button:last-child');
      expect(await waitFor(() => statusText(options), (text) => text.startsWith('Not installed'))).toBe('Not installed; nothing changed.');
      expect((await importedList(options))[0]).toContain(`bundled 2026-12-02Signed by key ${files.keyFingerprint}`);

      await options.click('#imported-packs button');
      await waitFor(() => registeredGates(options), (ids) => ids.length === 0);
      await options.close();
    });

    it('refuses a hostile file with a clear message, and keeps the installed pack as it was', async () => {
      const options = await session.browser.openOptions();
      await chooseFile(options, 'good.json', files.signed);
      await waitFor(() => statusText(options), (text) => text.startsWith('Installed'));
      const installed = await importedList(options);
      const stored = () => options.evaluate(async () => JSON.stringify(await chrome.storage.local.get(['importedPacks', 'importedGate'])), null);
      const before = await stored();
      const payload = JSON.parse(JSON.parse(files.unsigned).payload);
      const withNote = (change: (note: { summary: string; sources: Array<{ url: string }> }) => void) => {
        const copy = structuredClone(payload);
        change(copy.annotations.notes[0]);
        return JSON.stringify({ format: 'backstory-pack', version: 1, payload: JSON.stringify(copy) });
      };
      const hostile: Array<[string, string, string | number[]]> = [
        ['deep.json', 'nests lists and objects', `{"format":"backstory-pack","version":1,"payload":"{}","x":${'['.repeat(50_000)}${']'.repeat(50_000)}}`],
        ['markup.json', 'contains markup', withNote((note) => void (note.summary = 'A <img src=x onerror=alert(1)> summary.'))],
        ['http.json', 'is not https', withNote((note) => void (note.sources[0].url = 'http://example.com/'))],
        ['latin1.json', 'not UTF-8 text', [...new TextEncoder().encode(files.signed.slice(0, 200)), 0xe9, 0x22]],
        ['huge.json', 'at most 5 MB', `${' '.repeat(5 * 1024 * 1024 + 1)}`],
      ];
      for (const [name, problem, content] of hostile) {
        if (typeof content === 'string') await chooseFile(options, name, content);
        else await chooseBytes(options, name, content);
        const said = await waitFor(() => statusText(options), (text) => text.startsWith(`${name} was not installed`));
        expect(said, name).toContain(problem);
        expect(await importedList(options), name).toEqual(installed);
        expect(await stored(), name).toBe(before);
        expect(await options.evaluate(() => [...document.querySelectorAll('#pack-status, #pack-status *')].every((node) => node.localName === 'div' || node.localName === 'span' || node.localName === 'ul' || node.localName === 'li'), null), name).toBe(true);
      }
      expect(await registeredGates(options)).toEqual([IMPORTED_GATE_SCRIPT_ID]);
      await options.click('#imported-packs button');
      await waitFor(() => registeredGates(options), (ids) => ids.length === 0);
      await options.close();
    });
  });
}
