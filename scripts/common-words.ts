// `tsx scripts/common-words.ts`: regenerates build/common-words.txt.gz from ../shared/corpus: every
// word of four letters or more (lower-cased) found on at least 1 % of the corpus pages. The build
// chooses an article's markers among the words NOT on this list.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';

const CORPUS = new URL('../../shared/corpus/', import.meta.url);
const OUT = new URL('../build/common-words.txt.gz', import.meta.url);

if (!existsSync(CORPUS)) {
  console.error('../shared/corpus is missing: build/common-words.txt.gz is kept as it is.');
  process.exit(1);
}
const pages: string[] = [];
for (const file of readdirSync(new URL('pages/', CORPUS))) if (file.endsWith('.html')) pages.push(readFileSync(new URL(`pages/${file}`, CORPUS), 'utf8'));
for (const file of readdirSync(new URL('news/', CORPUS))) if (file.endsWith('.html.gz')) pages.push(gunzipSync(readFileSync(new URL(`news/${file}`, CORPUS))).toString('utf8'));

const documentFrequency = new Map<string, number>();
for (const page of pages) {
  for (const word of new Set((page.match(/\p{L}{4,}/gu) ?? []).map((w) => w.toLowerCase()))) documentFrequency.set(word, (documentFrequency.get(word) ?? 0) + 1);
}
const minimum = Math.ceil(pages.length * 0.01);
const common = [...documentFrequency].filter(([, count]) => count >= minimum).map(([word]) => word).sort();
writeFileSync(OUT, gzipSync(common.join('\n'), { level: 9 }));
console.log(`${common.length} common words (on ≥ ${minimum} of ${pages.length} pages) → build/common-words.txt.gz`);
