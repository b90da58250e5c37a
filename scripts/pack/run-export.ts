// `pack export <slug> [--out FILE]`: the pack as a W3C Web Annotation collection, to FILE or stdout.
// On stdout under `npm run` without --silent, npm's own header comes first: say so on stderr.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadPack } from '../../build/packs.ts';
import type { Args } from './args.ts';
import { exportPack } from './export.ts';
import type { Io } from './io.ts';
import { npmPrintedBanner } from './npm-banner.ts';
import { requirePacks } from './pack-names.ts';

export function runExport(args: Args, root: string, io: Io): number {
  const slug = args.positional[1];
  if (!slug) throw new Error('usage: npm run pack -- export <slug> [--out FILE]');
  requirePacks(root, [slug]);
  const collection = exportPack(loadPack(join(root, slug)));
  const json = JSON.stringify(collection, null, 2);
  const file = args.options.get('out');
  if (file) {
    writeFileSync(file, `${json}\n`);
    io.err(`Wrote ${file}: pack "${slug}", ${collection.first.items.length} annotations.`);
    return 0;
  }
  io.out(json);
  const terminal = io.stdoutIsTerminal ?? process.stdout.isTTY === true;
  if (!terminal && npmPrintedBanner(io.env ?? process.env)) {
    io.err('Note: npm printed its own header lines ("> backstory@… pack") above the JSON on stdout. "pack import" skips them; for other tools use --out FILE, or npm run --silent.');
  }
  return 0;
}
