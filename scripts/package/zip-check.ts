// A package holds exactly the build's files: each one in the folder it was made from (nothing from
// outside it, no absolute or "../" paths), and every file of the folder (web-ext leaves out only
// hidden files, such as vite's .vite/).
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { zipFileNames } from './zip-entries.ts';

/** The folder's files, as zip entry names, hidden files and folders left out. */
export function visibleFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split('\\').join('/'))
    .filter((name) => !name.split('/').some((part) => part.startsWith('.')))
    .sort();
}

export function zipProblems(zip: string, dir: string): string[] {
  const entries = zipFileNames(zip);
  const files = new Set(visibleFiles(dir));
  const problems: string[] = [];
  if (!entries.includes('manifest.json')) problems.push(`${zip}: no manifest.json at the top`);
  for (const name of entries) {
    if (name.startsWith('/') || name.split(/[\\/]/).includes('..')) problems.push(`${zip}: ${name} points outside the package`);
    else if (!files.has(name)) problems.push(`${zip}: ${name} is not a file of ${dir}`);
  }
  for (const file of files) if (!entries.includes(file)) problems.push(`${zip}: ${file} of ${dir} is missing`);
  return problems;
}
