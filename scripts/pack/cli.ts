// `npm run pack -- <command>`: new, check, export, import. Returns the exit status; writes through
// `io` so that tests can read what a user would see.
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { loadPack, PackError, packDirs, readPackFiles } from '../../build/packs.ts';
import { checkAgainst } from './against.ts';
import { parseArgs } from './args.ts';
import { checkPacks } from './check.ts';
import { exportPack } from './export.ts';
import { choosePack, importInto, writePackFile, type ImportResult } from './import.ts';
import type { AnchorFailure } from './reanchor.ts';
import { scaffoldPack } from './scaffold.ts';

export interface Io {
  out(text: string): void;
  err(text: string): void;
}

export const USAGE = `Usage: npm run pack -- <command>

  new <slug> --article FILE        create packs/<slug>/ from a plain-text article
  check [slug…]                    check one, several or all packs
  check <slug> --against FILE      how the pack anchors on a republished copy (.txt or .html)
  export <slug>                    print the pack as a W3C Web Annotation collection (JSON-LD)
  import FILE [--pack <slug>]      read a W3C collection or a Hypothesis export into a pack
         [--dry-run] [--replace]   print instead of writing; replace all notes instead of merging

Every command takes --root DIR (default: packs). See docs/packs.md.`;

function describeFailure(failure: AnchorFailure): string[] {
  const where = `${failure.noteId ? `note "${failure.noteId}"` : failure.label}${failure.target ? `, target ${failure.target}` : ''}`;
  const lines = [`  • ${where}: ${failure.reason}`];
  if (failure.nearest) {
    lines.push(`    Nearest text in the article (line ${failure.nearest.line} of article.txt): "${failure.nearest.text}"`);
    if (failure.nearest.missing.length > 0) lines.push(`    Words not found as written there: ${failure.nearest.missing.map((word) => `"${word}"`).join(', ')}`);
  } else if (failure.quote !== undefined) lines.push('    No word of it occurs in the article: is this the right pack?');
  return lines;
}

function importReport(result: ImportResult, slug: string, file: string): string {
  const lines = [`Read ${file} (${result.format === 'hypothesis' ? 'Hypothesis export' : 'W3C Web Annotation'}) into pack "${slug}".`];
  lines.push(`Anchored ${result.notes.length} annotation${result.notes.length === 1 ? '' : 's'}: ${result.added.length} new note${result.added.length === 1 ? '' : 's'}, ${result.replaced.length} replacing the note with the same id.`);
  if (result.failures.length > 0) lines.push(`Not imported, because they do not anchor in the article (${new Set(result.failures.map((f) => f.label)).size}):`, ...result.failures.flatMap(describeFailure));
  if (result.warnings.length > 0) lines.push('Mentions of a note’s names that were not found (the names themselves are kept):', ...result.warnings.flatMap(describeFailure));
  if (result.introduced.length > 0) lines.push('The import would bring these problems into the pack, so nothing was written:', ...result.introduced.map((problem) => `  • ${problem}`));
  else if (result.remaining.length > 0) lines.push(`The pack still has ${result.remaining.length} problem${result.remaining.length === 1 ? '' : 's'} it had before the import; "npm run pack -- check ${slug}" explains them.`);
  return lines.join('\n');
}

function runImport(args: ReturnType<typeof parseArgs>, root: string, io: Io): number {
  const file = args.positional[1];
  if (!file) throw new Error('import needs a file: npm run pack -- import FILE [--pack <slug>]');
  const data: unknown = JSON.parse(readFileSync(file, 'utf8'));
  const slug = args.options.get('pack');
  const pack = slug ? readPackFiles(join(root, slug)) : choosePack(data, packDirs(root).map(readPackFiles));
  if (!pack) throw new Error('cannot tell which pack this file is for: name it with --pack <slug>');
  const result = importInto(pack, data, { replace: args.flags.has('replace') });
  io.err(importReport(result, pack.slug, file));
  if (result.introduced.length > 0) return 1;
  if (args.flags.has('dry-run')) io.out(JSON.stringify(result.file, null, 2));
  else {
    writePackFile(pack.dir, result.file);
    io.err(`Wrote ${relative(process.cwd(), join(pack.dir, 'annotations.json'))}. Run "npm run pack -- check ${pack.slug}" to see it whole.`);
  }
  return result.failures.length > 0 ? 1 : 0;
}

export function main(argv: readonly string[], io: Io): number {
  try {
    const args = parseArgs(argv, ['pack', 'article', 'root', 'against']);
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
        if (against) {
          if (!first) throw new Error('usage: npm run pack -- check <slug> --against FILE');
          io.out(checkAgainst(join(root, first), against).report);
          return 0;
        }
        const result = checkPacks(root, args.positional.slice(1));
        (result.ok ? io.out : io.err)(result.report);
        return result.ok ? 0 : 1;
      }
      case 'export': {
        if (!first) throw new Error('usage: npm run pack -- export <slug>');
        io.out(JSON.stringify(exportPack(loadPack(join(root, first))), null, 2));
        return 0;
      }
      case 'import':
        return runImport(args, root, io);
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
