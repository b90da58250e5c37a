// The imported packs in storage.local, read and written from extension pages and the background,
// and the registration of their gate kept in step with them.
import browser from 'webextension-polyfill';
import { IMPORTED_GATE_SCRIPT, IMPORTED_GATE_SCRIPT_ID, IMPORTED_PACKS_KEY, parseImportedPacks, storedImports, type ImportedPack } from './imported-packs.ts';

export async function readImportedPacks(): Promise<Record<string, ImportedPack>> {
  return parseImportedPacks((await browser.storage.local.get(IMPORTED_PACKS_KEY))[IMPORTED_PACKS_KEY]);
}

/**
 * Stores `packs` (and their gate's data) in one write, which throws, changing nothing, if the
 * browser refuses it; then registers or unregisters the gate (a failure there is logged, and the
 * background tries again whenever it starts).
 */
export async function writeImportedPacks(packs: Record<string, ImportedPack>): Promise<void> {
  await browser.storage.local.set(storedImports(packs));
  await syncImportedGate(Object.keys(packs).length).catch((error: unknown) => console.error('[Backstory] imported packs gate', error));
}

let syncing: Promise<void> = Promise.resolve();

/**
 * Registers the imported packs' gate while any pack is imported, and unregisters it when none is.
 * Calls run one after another: two registrations of one id at once would fail.
 */
export function syncImportedGate(count?: number): Promise<void> {
  syncing = syncing.catch(() => undefined).then(async () => {
    const packs = count ?? Object.keys(await readImportedPacks()).length;
    const registered = (await browser.scripting.getRegisteredContentScripts({ ids: [IMPORTED_GATE_SCRIPT_ID] })).length > 0;
    if (packs > 0 && !registered) {
      // Another extension page (or the background waking) may have registered it a moment ago.
      await browser.scripting.registerContentScripts([{ ...IMPORTED_GATE_SCRIPT, js: [...IMPORTED_GATE_SCRIPT.js], matches: [...IMPORTED_GATE_SCRIPT.matches] }]).catch(async (error: unknown) => {
        if ((await browser.scripting.getRegisteredContentScripts({ ids: [IMPORTED_GATE_SCRIPT_ID] })).length === 0) throw error;
      });
    }
    if (packs === 0 && registered) await browser.scripting.unregisterContentScripts({ ids: [IMPORTED_GATE_SCRIPT_ID] });
  });
  return syncing;
}
