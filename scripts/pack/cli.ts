// `npm run pack -- <command>`: new, check, export, import, bundle, keygen. Returns the exit status; writes through
// `io` so that tests can read what a user would see.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PackError } from '../../build/packs.ts';
import { checkAgainst } from './against.ts';
import { runBundle, runKeygen } from './bundle.ts';
import { parseArgs } from './args.ts';
import type { Io } from './io.ts';
import { runCheck } from './run-check.ts';
import { runExport } from './run-export.ts';
import { runImport } from './run-import.ts';
import { scaffoldPack } from './scaffold.ts';

export type { Io };

export const USAGE = `Usage: npm run pack -- <command>

  new <slug> --article FILE        create packs/<slug>/ from a plain-text article
  check [slug…]                    check one, several or all packs
  check <slug> --against FILE      how the pack anchors on a republished copy (.txt or .html)
  export <slug> [--out FILE]       write the pack as a W3C Web Annotation collection (JSON-LD)
                                   to FILE, or to stdout
  import FILE [--pack <slug>]      read a W3C collection or a Hypothesis export into a pack
         [--dry-run] [--replace]   print instead of writing; replace all notes instead of merging
  bundle <slug> [--sign KEY]       write the pack file readers import on the options page
         [--out FILE]              (default <slug>.backstory-pack.json), signed with KEY if given
  keygen [--out FILE]              make an Ed25519 signing key (default backstory-signing-key.pem)

Every command takes --root DIR (default: packs). See docs/packs.md.`;

const OPTIONS = ['pack', 'article', 'root', 'out', 'against', 'sign'];
const FLAGS = ['dry-run', 'replace'];

export function main(argv: readonly string[], io: Io): number {
  try {
    const args = parseArgs(argv, OPTIONS);
    const unknown = [...[...args.flags].filter((flag) => !FLAGS.includes(flag)), ...[...args.options.keys()].filter((name) => !OPTIONS.includes(name))];
    if (unknown.length > 0) throw new Error(`unknown option ${unknown.map((flag) => `--${flag}`).join(', ')}\n\n${USAGE}`);
    const root = args.options.get('root') ?? 'packs';
    const [command, first] = args.positional;
    switch (command) {
      case 'new': {
        const article = args.options.get('article');
        if (!first || !article) throw new Error('usage: npm run pack -- new <slug> --article FILE');
        const dir = scaffoldPack(root, first, readFileSync(article, 'utf8'));
        io.out(`Created ${dir}/ with article.txt and an empty annotations.json.\nNext: fill in the article's details and add notes, then run "npm run pack -- check ${first}" (docs/packs.md).`);
        return 0;
      }
      case 'check': {
        const against = args.options.get('against');
        if (!against) return runCheck(args.positional.slice(1), root, io);
        if (!first) throw new Error('usage: npm run pack -- check <slug> --against FILE');
        io.out(checkAgainst(join(root, first), against).report);
        return 0;
      }
      case 'export':
        return runExport(args, root, io);
      case 'import':
        return runImport(args, root, io);
      case 'bundle':
        return runBundle(args, root, io);
      case 'keygen':
        return runKeygen(args, io);
      case undefined:
      case 'help':
        io.out(USAGE);
        return command ? 0 : 2;
      default:
        throw new Error(`unknown command "${command}"\n\n${USAGE}`);
    }
  } catch (error) {
    if (error instanceof PackError) io.err(`${error.message}\nRun "npm run pack -- check" for advice on each problem.`);
    else io.err(`pack: ${(error as Error).message}`);
    return 1;
  }
}
