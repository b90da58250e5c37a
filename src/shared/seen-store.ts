// The note versions a reader has seen, per pack, kept by the popup to say what changed since their
// last visit (src/model/note-changes.ts).
import browser from 'webextension-polyfill';
import type { SeenVersions } from '../model/note-changes.ts';
import { isRecord } from '../core/is-record.ts';

const SEEN_KEY = 'seenVersions';

async function readAll(): Promise<Record<string, SeenVersions>> {
  const stored: unknown = (await browser.storage.local.get(SEEN_KEY))[SEEN_KEY];
  if (!isRecord(stored)) return {};
  const all: Record<string, SeenVersions> = {};
  for (const [pack, seen] of Object.entries(stored)) {
    if (!isRecord(seen)) continue;
    all[pack] = Object.fromEntries(Object.entries(seen).filter((entry): entry is [string, number] => Number.isInteger(entry[1])));
  }
  return all;
}

/** What the reader has seen of `pack`; undefined before their first visit. */
export async function readSeen(pack: string): Promise<SeenVersions | undefined> {
  return (await readAll())[pack];
}

export async function writeSeen(pack: string, seen: SeenVersions): Promise<void> {
  await browser.storage.local.set({ [SEEN_KEY]: { ...(await readAll()), [pack]: seen } });
}
