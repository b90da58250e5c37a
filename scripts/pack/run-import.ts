// `pack import FILE [--pack <slug>] [--dry-run] [--replace]`: reads the file (past npm's header, if
// a redirected export left one), merges its notes into the pack, and reports what happened.
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { packDirs, readPackFiles } from '../../build/packs.ts';
import type { Args } from './args.ts';
import { choosePack, importInto, writePackFile, type ImportResult } from './import.ts';
import type { Io } from './io.ts';
import { withoutNpmBanner } from './npm-banner.ts';
import { requirePacks } from './pack-names.ts';
import type { AnchorFailure } from './reanchor.ts';

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

export function runImport(args: Args, root: string, io: Io): number {
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
