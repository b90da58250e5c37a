// `pack check [slug…]`: each pack's problems (check.ts), then packs whose articles overlap
// (build/duplicate-articles.ts): the same article twice fails, an overlap is a warning.
import { articleOverlaps, describeOverlap, readArticles } from '../../build/duplicate-articles.ts';
import { packDirs } from '../../build/packs.ts';
import { checkPacks } from './check.ts';
import type { Io } from './io.ts';
import { requirePacks } from './pack-names.ts';

export function runCheck(named: readonly string[], root: string, io: Io): number {
  requirePacks(root, named);
  const result = checkPacks(root, named);
  const overlaps = articleOverlaps(readArticles(packDirs(root))).filter((overlap) => named.length === 0 || named.includes(overlap.contained) || named.includes(overlap.within));
  const ok = result.ok && !overlaps.some((overlap) => overlap.same);
  const report = [result.report, ...overlaps.map((overlap) => `${overlap.same ? '✗' : '!'} ${describeOverlap(overlap)}`)].join('\n');
  (ok ? io.out : io.err)(report);
  return ok ? 0 : 1;
}
