// Paths are relative to the project root, where the tests run.
// The article and the ways real sites lay it out, as HTML, for detection and anchoring tests.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const ARTICLE_TEXT = readFileSync(join(process.cwd(), 'packs/musk-riyadh-2025/article.txt'), 'utf8');
export const PARAGRAPHS = ARTICLE_TEXT.trim().split('\n');

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export const paragraphsHtml = (paragraphs: readonly string[] = PARAGRAPHS): string =>
  paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n');

/** Names wrapped in links and bold, as many sites do. */
export function withLinkedNames(html: string): string {
  return html
    .replace(/Elon Musk/g, '<a href="/people/musk">Elon Musk</a>')
    .replace(/Sergey Lavrov/g, '<strong>Sergey Lavrov</strong>')
    .replace(/Marco Rubio/g, '<a href="/people/rubio"><b>Marco</b> Rubio</a>');
}

export function withDropCap(paragraphs: readonly string[] = PARAGRAPHS): string {
  const [first, ...rest] = paragraphs;
  return `<p><span class="dropcap">${escapeHtml(first[0])}</span>${escapeHtml(first.slice(1))}</p>\n${paragraphsHtml(rest)}`;
}

/** Straight quotes, non-breaking spaces, soft hyphens and zero-width characters, as CMSes emit. */
export function withTypographicNoise(text: string): string {
  return text
    .replace(/[“”]/g, '"')
    .replace(/’/g, "'")
    .replace(/ (?=\w{6})/g, '\u00a0')
    .replace(/(\w{4})(\w{4})/g, '$1\u00ad$2')
    .replace(/(\w{3})(\w{5})/g, '$1\u200b$2');
}

export function withAdsBetweenAndInside(paragraphs: readonly string[] = PARAGRAPHS): string {
  return paragraphs
    .map((p, i) => {
      const words = escapeHtml(p).split(' ');
      const middle = Math.floor(words.length / 2);
      const inside = i % 3 === 0 ? `${words.slice(0, middle).join(' ')} <span class="ad">Advertisement</span> ${words.slice(middle).join(' ')}` : words.join(' ');
      const readMore = i % 4 === 1 ? '\n<aside class="read-more">Read more: Trump and Putin talk for 90 minutes</aside>' : '';
      return `<p>${inside}</p>${readMore}`;
    })
    .join('\n');
}

export const withBrSeparators = (paragraphs: readonly string[] = PARAGRAPHS): string =>
  `<div class="entry">${paragraphs.map(escapeHtml).join('<br><br>')}</div>`;

/** The first `share` of the article's words, cut at a word boundary. */
export function excerpt(share: number): string {
  const words = ARTICLE_TEXT.split(/\s+/);
  return words.slice(0, Math.ceil(words.length * share)).join(' ');
}

/** Another report on the same talks, with the same names, written independently. */
export const SAME_EVENT_ARTICLE = `Russian and American diplomats met in Riyadh on Tuesday for talks on ending the war in Ukraine.
Secretary of State Marco Rubio led the US side, joined by Mike Waltz and Steve Witkoff, while Sergey Lavrov and Yury Ushakov represented Moscow.
President Donald Trump said afterwards he was more confident of a deal, and Vladimir Putin's spokesman called the meeting useful.
Volodymyr Zelensky said Ukraine had not been invited and would not accept any outcome decided without Kyiv.
Elon Musk praised the meeting on X, while European leaders gathered in Paris to discuss security guarantees.
Crown Prince Mohammed bin Salman hosted the delegations, and Joe Biden's former aides criticised the format.
The Kremlin said a summit between the two presidents could follow, but no date was set.`;

/** A commentary that quotes two sentences of the article inside its own text. */
export const COMMENTARY = `Some outlets have gone further than the facts allow. One piece claimed that "${PARAGRAPHS[0].split('. ')[0]}." It went on: "${PARAGRAPHS[6].split('. ')[0]}." Neither sentence tells us much about what was agreed in Riyadh, and readers deserve a clearer account of who attended, what each side wanted, and why Ukraine was absent from the table. Diplomacy is slow work, and a single meeting rarely settles anything.`;

export const PEOPLE_LIST = 'Elon Musk, Sergey Lavrov, Yevgeny Popov, Yury Ushakov, Vladimir Putin, Donald Trump, Marco Rubio, Mohammed bin Salman, Volodymyr Zelensky, Joe Biden. President Trump, President Putin, Crown Prince Mohammed bin Salman, Russian Foreign Minister Sergey Lavrov, US Secretary of State Marco Rubio.';
