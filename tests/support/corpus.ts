// The shared corpus of real pages (../shared/corpus), read in place and never copied.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gunzipSync } from 'node:zlib';

const CORPUS = pathToFileURL(join(process.cwd(), '../shared/corpus/'));

export const corpusAvailable = existsSync(CORPUS);

export interface CorpusPage {
  name: string;
  html: string;
}

export function corpusPages(): CorpusPage[] {
  const pages = new URL('pages/', CORPUS);
  const news = new URL('news/', CORPUS);
  return [
    ...readdirSync(pages)
      .filter((file) => file.endsWith('.html'))
      .map((file) => ({ name: `pages/${file}`, html: readFileSync(new URL(file, pages), 'utf8') })),
    ...readdirSync(news)
      .filter((file) => file.endsWith('.html.gz'))
      .map((file) => ({ name: `news/${file}`, html: gunzipSync(readFileSync(new URL(file, news))).toString('utf8') })),
  ];
}

export function corpusPage(name: string): string {
  const path = new URL(name, CORPUS);
  const data = readFileSync(path);
  return name.endsWith('.gz') ? gunzipSync(data).toString('utf8') : data.toString('utf8');
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', rsquo: '’', lsquo: '‘', rdquo: '”', ldquo: '“', mdash: '—', ndash: '–', hellip: '…' };

/** Roughly what `document.body.textContent` gives for a page: tags dropped, entities decoded. */
export function roughTextContent(html: string): string {
  const body = html.replace(/^[\s\S]*?<body[^>]*>/i, '');
  return body
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<[^>]+>/g, '')
    .replace(/&(#x?[0-9a-f]+|\w+);/gi, (whole, code: string) => {
      if (code[0] !== '#') return ENTITIES[code.toLowerCase()] ?? whole;
      const value = code[1].toLowerCase() === 'x' ? parseInt(code.slice(2), 16) : parseInt(code.slice(1), 10);
      return Number.isFinite(value) && value > 0 && value < 0x110000 ? String.fromCodePoint(value) : whole;
    });
}

/** Spans of the page whose markup is not rendered as content: comments, scripts, templates. */
function hiddenSpans(html: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  const pattern = /<!--[\s\S]*?-->|<(script|style|noscript|template|textarea)\b[\s\S]*?<\/\1\s*>/gi;
  for (const match of html.matchAll(pattern)) spans.push([match.index, match.index + match[0].length]);
  return spans;
}

/** Puts `articleHtml` into a real page's template: before its first rendered paragraph, or at the start of <body>. */
export function placeInto(html: string, articleHtml: string): string {
  const article = `<article class="backstory-test-article">${articleHtml}</article>`;
  const bodyTag = /<body[^>]*>/i.exec(html);
  const bodyStart = bodyTag ? bodyTag.index + bodyTag[0].length : 0;
  const hidden = hiddenSpans(html);
  const paragraphs = html.slice(bodyStart).matchAll(/<p[\s>]/gi);
  for (const match of paragraphs) {
    const at = bodyStart + match.index;
    if (!hidden.some(([start, end]) => at >= start && at < end)) return `${html.slice(0, at)}${article}${html.slice(at)}`;
  }
  return `${html.slice(0, bodyStart)}${article}${html.slice(bodyStart)}`;
}

/** Keeps a saved page offline and inert: no scripts or event handlers, no frames, and a CSP that blocks requests to other hosts. */
export function offline(html: string, { csp = true } = {}): string {
  const cspMeta = `<meta http-equiv="Content-Security-Policy" content="default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; script-src 'none'">`;
  const withoutBase = html
    .replace(/<base\b[^>]*>/gi, '')
    .replace(/<script\b[\s\S]*?<\/script\s*>/gi, '')
    .replace(/\son[a-z]+\s*=\s*("[^"]*"|'[^']*')/gi, '')
    .replace(/(<iframe\b[^>]*?)\ssrc\s*=\s*("[^"]*"|'[^']*')/gi, '$1');
  const policy = csp ? cspMeta : '';
  const head = withoutBase.search(/<head[\s>]/i);
  if (head < 0) return `${policy}${withoutBase}`;
  const at = withoutBase.indexOf('>', head) + 1;
  return `${withoutBase.slice(0, at)}${policy}${withoutBase.slice(at)}`;
}
