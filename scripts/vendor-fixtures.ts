// `npx tsx scripts/vendor-fixtures.ts [--check]`: regenerates tests/fixtures/corpus/ from the shared
// corpus beside the repository (../shared/corpus), by the rule below, so that `npm test` needs no
// ../shared. With --check it writes nothing and exits 1 when the fixtures differ from what the rule
// gives (compared on the uncompressed content, so a different zlib does not count).
//
// The rule, applied to the 311 pages (130 readability pages, then 181 news pages, each in name order):
//   1. every page a test names (a `pages/<name>.html` or `news/<hash>.html.gz` literal in tests/**/*.ts);
//   2. every page whose text mentions, as a whole word, one of the article's people other than Trump
//      (HARD_NEGATIVE below): the near misses that must not be detected. Trump alone is left out: 2019–20
//      news mentions him on about 60 pages, and those are sampled by rule 3 like any other page;
//   3. every 10th page of the rest (the 1st, 11th, 21st, ...): a sample of ordinary pages.
// Also written: the url and articleBody of all 181 news pages (news-articles.json.gz).
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';
import { roughTextContent } from '../tests/support/corpus.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const SHARED = join(ROOT, '../shared/corpus');
const OUT = join(ROOT, 'tests/fixtures/corpus');
const SAMPLE_EVERY = 10;
const HARD_NEGATIVE = /\b(Musk|Putin|Zelensk(?:y|yy|iy)|Rubio|Lavrov|Ushakov|Popov|Salman|Witkoff|Waltz|Biden)\b/g;
const NAMED = /['"`]((?:pages\/[\w.-]+\.html)|(?:news\/[0-9a-f]{64}\.html\.gz))['"`]/g;
const check = process.argv.includes('--check');

interface Source {
  name: string;
  html: Buffer;
  /** The bytes to vendor: news pages are already gzipped and are copied as they are. */
  gz?: Buffer;
}

function sharedPages(): Source[] {
  const pages = readdirSync(join(SHARED, 'pages'))
    .filter((file) => file.endsWith('.html'))
    .sort()
    .map((file) => ({ name: `pages/${file}`, html: readFileSync(join(SHARED, 'pages', file)) }));
  const news = readdirSync(join(SHARED, 'news'))
    .filter((file) => file.endsWith('.html.gz'))
    .sort()
    .map((file) => {
      const gz = readFileSync(join(SHARED, 'news', file));
      return { name: `news/${file}`, html: gunzipSync(gz), gz };
    });
  return [...pages, ...news];
}

function testFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'fixtures' ? [] : testFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** Every corpus page a test names, with the files that name it. */
function namedByTests(): Map<string, string[]> {
  const named = new Map<string, string[]>();
  for (const file of testFiles(join(ROOT, 'tests'))) {
    for (const match of readFileSync(file, 'utf8').matchAll(NAMED)) {
      const users = named.get(match[1]) ?? [];
      const user = relative(ROOT, file);
      if (!users.includes(user)) users.push(user);
      named.set(match[1], users);
    }
  }
  return named;
}

/** Where a page's name (as tests and the shared corpus spell it) lives under tests/fixtures/corpus. */
function fixturePath(name: string): string {
  return name.startsWith('pages/') ? `readability/${name.slice('pages/'.length)}.gz` : name;
}

interface Chosen {
  name: string;
  file: string;
  why: string;
  sha256: string;
  bytes: number;
  source: Source;
}

function choose(pages: Source[]): Chosen[] {
  const named = namedByTests();
  const missing = [...named.keys()].filter((name) => !pages.some((page) => page.name === name));
  if (missing.length > 0) throw new Error(`Tests name pages the shared corpus does not hold: ${missing.join(', ')}`);
  const chosen: Chosen[] = [];
  let rest = 0;
  for (const page of pages) {
    const people = [...new Set(roughTextContent(page.html.toString('utf8')).match(HARD_NEGATIVE) ?? [])].sort();
    let why: string | undefined;
    if (named.has(page.name)) why = `named by ${named.get(page.name)?.join(', ')}`;
    else if (people.length > 0) why = `mentions ${people.join(', ')}`;
    else if (rest++ % SAMPLE_EVERY === 0) why = `sample (every ${SAMPLE_EVERY}th other page)`;
    if (!why) continue;
    const sha256 = createHash('sha256').update(page.html).digest('hex');
    chosen.push({ name: page.name, file: fixturePath(page.name), why, sha256, bytes: page.html.length, source: page });
  }
  return chosen;
}

type GroundTruth = Record<string, { url: string; articleBody: string }>;

function groundTruth(keys?: Set<string>): GroundTruth {
  const all = JSON.parse(readFileSync(join(SHARED, 'news/ground-truth.json'), 'utf8')) as GroundTruth;
  const entries = Object.keys(all)
    .sort()
    .filter((key) => !keys || keys.has(key))
    .map((key) => [key, { url: all[key].url, articleBody: all[key].articleBody }]);
  return Object.fromEntries(entries);
}

const gzip = (data: Buffer | string) => gzipSync(data, { level: 9 });

/** Every file the fixtures consist of, by its path under tests/fixtures/corpus. */
function fixtures(): Map<string, Buffer> {
  const chosen = choose(sharedPages());
  const files = new Map<string, Buffer>();
  for (const page of chosen) files.set(page.file, page.source.gz ?? gzip(page.source.html));
  const newsKeys = new Set(chosen.filter((page) => page.name.startsWith('news/')).map((page) => page.name.slice('news/'.length, -'.html.gz'.length)));
  files.set('news/ground-truth.json', Buffer.from(`${JSON.stringify(groundTruth(newsKeys), null, 2)}\n`));
  files.set('news/LICENSE', readFileSync(join(SHARED, 'news/LICENSE')));
  files.set('news-articles.json.gz', gzip(`${JSON.stringify(groundTruth(), null, 2)}\n`));
  const manifest = {
    source: 'shared/corpus beside the repository: pages/ from mozilla/readability at ab4027a8, news/ from scrapinghub/article-extraction-benchmark at 4a3bc97',
    regenerate: 'npx tsx scripts/vendor-fixtures.ts',
    pages: chosen.map(({ name, file, why, sha256, bytes }) => ({ name, file, why, sha256, bytes })),
  };
  files.set('manifest.json', Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`));
  return files;
}

/** Files the script owns under tests/fixtures/corpus (README, LICENSE and NOTICE of readability/ are written by hand). */
function ownedFiles(): string[] {
  if (!existsSync(OUT)) return [];
  const listed = (dir: string, pattern: RegExp) => (existsSync(join(OUT, dir)) ? readdirSync(join(OUT, dir)).filter((file) => pattern.test(file)).map((file) => (dir ? `${dir}/${file}` : file)) : []);
  return [...listed('readability', /\.html\.gz$/), ...listed('news', /(\.html\.gz|^ground-truth\.json|^LICENSE)$/), ...listed('', /^(news-articles\.json\.gz|manifest\.json)$/)];
}

const content = (path: string, data: Buffer) => (path.endsWith('.gz') ? gunzipSync(data) : data);

if (!existsSync(SHARED)) {
  console.error(`The full corpus is not at ${SHARED}: the fixtures are made from it. Tests do not need it.`);
  process.exit(1);
}
const wanted = fixtures();
const stale = ownedFiles().filter((path) => !wanted.has(path));
const changed = [...wanted].filter(([path, data]) => !existsSync(join(OUT, path)) || !content(path, readFileSync(join(OUT, path))).equals(content(path, data)));
if (check) {
  for (const path of stale) console.error(`stale: tests/fixtures/corpus/${path}`);
  for (const [path] of changed) console.error(`differs: tests/fixtures/corpus/${path}`);
  console.log(stale.length + changed.length === 0 ? `tests/fixtures/corpus is up to date (${wanted.size} files)` : 'tests/fixtures/corpus is out of date: run npx tsx scripts/vendor-fixtures.ts');
  process.exit(stale.length + changed.length === 0 ? 0 : 1);
}
for (const path of stale) rmSync(join(OUT, path));
for (const [path, data] of changed) {
  mkdirSync(dirname(join(OUT, path)), { recursive: true });
  writeFileSync(join(OUT, path), data);
}
const total = [...wanted.values()].reduce((sum, data) => sum + data.length, 0);
console.log(`tests/fixtures/corpus: ${wanted.size} files, ${(total / 1024).toFixed(0)} KiB; ${changed.length} written, ${stale.length} removed`);
