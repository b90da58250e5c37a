// One temporary folder for everything `npm start` and the browsers it runs write: TMPDIR points at
// it, so web-ext's tmp-web-ext-* profiles, Chromium's and Firefox's profiles and ours all land in
// it. It is removed on every exit: the end of the run, a failure, Ctrl-C, a closed terminal.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface TempRoot {
  path: string;
  remove(): void;
  /** Removes it, waits, and removes it again: a browser that is still closing can create its profile anew. */
  removeWhenQuiet(): Promise<void>;
}

export function makeTempRoot(prefix = 'backstory-start-'): TempRoot {
  const path = mkdtempSync(join(tmpdir(), prefix));
  const remove = () => rmSync(path, { recursive: true, force: true, maxRetries: 3 });
  process.env.TMPDIR = path;
  process.on('exit', remove);
  const removeWhenQuiet = async () => {
    remove();
    await new Promise((resolve) => setTimeout(resolve, 1000));
    remove();
  };
  return { path, remove, removeWhenQuiet };
}

/**
 * On Ctrl-C, SIGTERM or SIGHUP: `beforeExit` (stop the browser, wait for it), then remove the folder
 * and exit with 128 + the signal's number, as a shell expects.
 */
export function removeOnSignals(root: TempRoot, beforeExit: () => Promise<void> = async () => {}): void {
  const numbers: Record<string, number> = { SIGHUP: 1, SIGINT: 2, SIGTERM: 15 };
  for (const signal of Object.keys(numbers) as NodeJS.Signals[]) {
    process.once(signal, () => {
      void beforeExit()
        .catch(() => undefined)
        .finally(() => root.removeWhenQuiet())
        .finally(() => process.exit(128 + numbers[signal]));
    });
  }
}
