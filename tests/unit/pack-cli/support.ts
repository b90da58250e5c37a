// Temporary pack folders and a CLI runner for the pack tests.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AnnotationFile } from '../../../src/model/note.ts';
import { main } from '../../../scripts/pack/cli.ts';

export const REAL_PACK = 'musk-riyadh-2025';
export const REAL_DIR = join('packs', REAL_PACK);

/** A temporary packs root holding a copy of the real pack; returns the root. */
export function tempRoot(): string {
  const root = mkdtempSync(join(tmpdir(), 'backstory-packs-'));
  cpSync(REAL_DIR, join(root, REAL_PACK), { recursive: true });
  return root;
}

export function readFile(dir: string): AnnotationFile & { version?: number } {
  return JSON.parse(readFileSync(join(dir, 'annotations.json'), 'utf8'));
}

/** Rewrites the copy's annotations.json through `change`. */
export function editPack(root: string, change: (file: AnnotationFile & Record<string, unknown>) => void, slug = REAL_PACK): void {
  const dir = join(root, slug);
  const file = readFile(dir) as AnnotationFile & Record<string, unknown>;
  change(file);
  writeFileSync(join(dir, 'annotations.json'), JSON.stringify(file, null, 2));
}

export function noteOf(file: AnnotationFile, id: string) {
  const note = file.notes.find((candidate) => candidate.id === id);
  if (!note) throw new Error(`no note ${id}`);
  return note;
}

/** Runs `npm run pack -- …argv` in-process. */
export function run(...argv: string[]): { status: number; out: string; err: string } {
  let out = '';
  let err = '';
  const status = main(argv, { out: (text) => void (out += `${text}\n`), err: (text) => void (err += `${text}\n`) });
  return { status, out, err };
}
