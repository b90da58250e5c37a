// A pack named on the command line that does not exist: the packs there are, and the nearest name.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** The pack folders under `root`, by name; none when `root` does not exist. */
export function packNames(root: string): string[] {
  if (!existsSync(root)) return [];
  return readdirSync(root)
    .filter((name) => statSync(join(root, name)).isDirectory())
    .sort();
}

/** Edit distance: letters added, removed or changed to turn `a` into `b`. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = current;
  }
  return previous[b.length];
}

/** The name closest to `name`, if it is close enough to be a slip (at most a third of it differs, or it is part of the name). */
export function nearestName(name: string, names: readonly string[]): string | undefined {
  let best: { name: string; distance: number } | undefined;
  for (const candidate of names) {
    // A part of a name ("musk" for "musk-riyadh-2025") counts as a slip of one letter.
    const distance = name.length >= 3 && candidate.includes(name) ? 1 : editDistance(name, candidate);
    if (!best || distance < best.distance) best = { name: candidate, distance };
  }
  return best && best.distance <= Math.max(2, Math.ceil(name.length / 3)) ? best.name : undefined;
}

/** Why `name` is not a pack, what the packs are, and which one was probably meant. */
export function unknownPackMessage(root: string, name: string): string {
  const names = packNames(root);
  if (names.length === 0) return `there is no pack "${name}": ${root}/ holds no packs yet (create one with: npm run pack -- new <slug> --article FILE)`;
  const nearest = nearestName(name, names);
  return [`there is no pack "${name}" in ${root}/.${nearest ? ` Did you mean "${nearest}"?` : ''}`, `The packs are: ${names.join(', ')}.`].join('\n');
}

/** The names in `names` that are not packs under `root`. */
export const unknownPacks = (root: string, names: readonly string[]) => names.filter((name) => !packNames(root).includes(name));

/** A pack named on the command line must exist: otherwise the error lists the packs and the nearest name. */
export function requirePacks(root: string, names: readonly string[]): void {
  const unknown = unknownPacks(root, names);
  if (unknown.length > 0) throw new Error(unknown.map((name) => unknownPackMessage(root, name)).join('\n'));
}
