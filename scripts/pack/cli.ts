// `npm run pack -- <command>`: new, check, export, import. Returns the exit status; writes through
// `io` so that tests can read what a user would see.
import { readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { articleOverlaps, describeOverlap, readArticles } from '../../build/duplicate-articles.ts';
import { loadPack, PackError, packDirs, readPackFiles } from '../../build/packs.ts';
import { parseArgs } from './args.ts';
import { checkPacks } from './check.ts';
import { exportPack } from './export.ts';
import { choosePack, importInto, writePackFile, type ImportResult } from './import.ts';
import type { AnchorFailure } from './reanchor.ts';
import { npmPrintedBanner, withoutNpmBanner } from './npm-banner.ts';
import { unknownPackMessage, unknownPacks } from './pack-names.ts';
import { scaffoldPack } from './scaffold.ts';

export interface Io {
  out(text: string): void;
  err(text: string): void;
  /** The environment (default process.env): tells whether npm printed its header to stdout. */
  env?: NodeJS.ProcessEnv;
  /** Whether stdout is a terminal (default: process.stdout.isTTY); when not, it is a file or a pipe. */
  stdoutIsTerminal?: boolean;
}

export const USAGE = `Usage: npm run pack -- <command>

  new <slug> --article FILE        create packs/<slug>/ from a plain-text article
  check [slug…]                    check one, several or all packs
  export <slug> [--out FILE]       write the pack as a W3C Web Annotation collection (JSON-LD)
                                   to FILE, or to stdout
  import FILE [--pack <slug>]      read a W3C collection or a Hypothesis export into a pack
         [--dry-run] [--replace]   print instead of writing; replace all notes instead of merging

Every command takes --root DIR (default: packs). See docs/packs.md.`;

const OPTIONS = ['pack', 'article', 'root', 'out'];
const FLAGS = ['dry-run', 'replace'];

/** A pack named on the command line must exist: otherwise the error lists the packs and the nearest name. */
function requirePacks(root: string, names: readonly string[]): void {
  const unknown = unknownPacks(root, names);
  if (unknown.length > 0) throw new Error(unknown.map((name) => unknownPackMessage(root, name)).join('\n'));
}

/** A JSON file, read past the header `npm run` puts at the top of a redirected export. */
function readJsonFile(file: string, io: Io): unknown {
  const { text, hadBanner } = withoutNpmBanner(readFileSync(file, 'utf8'));
  if (hadBanner) io.err(`${file} starts with npm's own header lines ("> backstory@… pack"), written by "npm run" without --silent; they were skipped.`);
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new Error(`${file} is not JSON: ${(error as Error).message}`);
  }
}

function runExport(args: ReturnType<typeof parseArgs>, root: string, io: Io): number {
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
  if (result.filledDetails.length > 0) lines.push(`The pack's article had no ${result.filledDetails.map((filled) => filled.split(' ')[0]).join(' or ')}: took the ${result.filledDetails.join(' and the ')} from the file.`);
  if (result.warnings.length > 0) lines.push('Mentions of a note’s names that were not found (the names themselves are kept):', ...result.warnings.flatMap(describeFailure));
  if (result.introduced.length > 0) lines.push('The import would bring these problems into the pack, so nothing was written:', ...result.introduced.map((problem) => `  • ${problem}`));
  else if (result.remaining.length > 0) lines.push(`The pack still has ${result.remaining.length} problem${result.remaining.length === 1 ? '' : 's'} it had before the import; "npm run pack -- check ${slug}" explains them.`);
  return lines.join('\n');
}

function runImport(args: ReturnType<typeof parseArgs>, root: string, io: Io): number {
  const file = args.positional[1];
  if (!file) throw new Error('import needs a file: npm run pack -- import FILE [--pack <slug>]');
  const slug = args.options.get('pack');
  if (slug) requirePacks(root, [slug]);
  const data = readJsonFile(file, io);
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
        const named = args.positional.slice(1);
        requirePacks(root, named);
        const result = checkPacks(root, named);
        const overlaps = articleOverlaps(readArticles(packDirs(root))).filter((overlap) => named.length === 0 || named.includes(overlap.contained) || named.includes(overlap.within));
        const ok = result.ok && !overlaps.some((overlap) => overlap.same);
        const report = [result.report, ...overlaps.map((overlap) => `${overlap.same ? '✗' : '!'} ${describeOverlap(overlap)}`)].join('\n');
        (ok ? io.out : io.err)(report);
        return ok ? 0 : 1;
      }
      case 'export':
        return runExport(args, root, io);
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
