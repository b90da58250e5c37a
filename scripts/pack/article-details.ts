// The article an imported file is about, as the file names it: a W3C collection's `label` (its
// title, as `pack export` writes it) and its targets' `source` (the article's address); a
// Hypothesis export's `document.title` and `uri`. Import fills these into a pack whose details are
// still empty (a pack just made with `pack new`), never over what a pack has.
import { asList, isRecord } from './incoming.ts';
import { isHypothesisExport } from './read-hypothesis.ts';
import { w3cAnnotations } from './read-w3c.ts';

export interface ArticleDetails {
  title?: string;
  url?: string;
}

const isHttps = (value: unknown): value is string => typeof value === 'string' && /^https:\/\/\S+$/.test(value);
const isText = (value: unknown): value is string => typeof value === 'string' && value.trim() !== '';

/** The address most of the annotations point at (the article's), if it is an https address. */
function mostCommon(urls: readonly string[]): string | undefined {
  const counts = new Map<string, number>();
  for (const url of urls) counts.set(url, (counts.get(url) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
}

function hypothesisDetails(data: { rows: unknown[] }): ArticleDetails {
  const rows = data.rows.filter(isRecord);
  const titles = rows.flatMap((row) => (isRecord(row.document) ? asList(row.document.title) : [])).filter(isText);
  return { title: titles[0]?.trim(), url: mostCommon(rows.map((row) => row.uri).filter(isHttps)) };
}

function w3cDetails(data: unknown): ArticleDetails {
  const title = isRecord(data) && data.type === 'AnnotationCollection' && isText(data.label) ? data.label.trim() : undefined;
  const sources = w3cAnnotations(data)
    .flatMap((annotation) => asList(annotation.target))
    .map((target) => (isRecord(target) ? target.source : target));
  return { title, url: mostCommon(sources.filter(isHttps)) };
}

export function articleDetailsIn(data: unknown): ArticleDetails {
  return isHypothesisExport(data) ? hypothesisDetails(data) : w3cDetails(data);
}

/**
 * The pack's article details with an empty title or url filled from the file; `filled` names what
 * was taken. Anything the pack already has is kept.
 */
export function fillArticleDetails(article: unknown, details: ArticleDetails): { article: unknown; filled: string[] } {
  if (!isRecord(article)) return { article, filled: [] };
  const filled: string[] = [];
  const result = { ...article };
  if (!isText(article.title) && details.title) {
    result.title = details.title;
    filled.push(`title "${details.title}"`);
  }
  if (!isText(article.url) && details.url) {
    result.url = details.url;
    filled.push(`address ${details.url}`);
  }
  return { article: filled.length > 0 ? result : article, filled };
}
