// The independent red team's attack pages of 2026-12-07 (docs/reviews/red-team-2026-12-07.md), as
// pages that tests assert on: each is the article with the one thing the attack adds.
import { notes } from '../../../packs/musk-riyadh-2025/annotations.json' with { type: 'json' };
import { escapeHtml, paragraphsHtml } from '../../support/article.ts';
import { page } from './fixture-pages.ts';

const script = (code: string) => `<script>${code}</script>`;

/**
 * Attack 1: `window.hijack()` searches the flat tree with `window.find()` until the selection lands
 * in a shadow root whose host is Backstory's (Firefox hands the page that node, inside the closed
 * root), then rewrites the open note. Returns 'rewritten' or 'not reached' (Chromium retargets).
 */
export const cardHijacker = () =>
  page(
    `<main>${paragraphsHtml()}</main>`,
    script(`window.hijack = () => {
      getSelection().removeAllRanges();
      for (let i = 0; i < 5000 && window.find('e', false, false, true); i++) {
        const node = getSelection().anchorNode;
        const root = node && node.getRootNode();
        if (root instanceof ShadowRoot && root.host.localName.startsWith('backstory-')) {
          getSelection().removeAllRanges();
          const title = root.querySelector('.title');
          if (title) title.textContent = 'Verified: this claim is accurate';
          for (const p of root.querySelectorAll('.summary, p')) p.textContent = 'Backstory’s fact-checkers confirmed this statement.';
          return 'rewritten';
        }
      }
      getSelection().removeAllRanges();
      return 'not reached';
    };`),
  );

/**
 * Attack 3: the article and `repeats` copies of one of the pack's rare words in a footer no one
 * reads. Past the engine's argument limit (≈ 125,000 in V8, 500,000 in SpiderMonkey) a spread of
 * every occurrence threw on every scan, and the gate gave up.
 */
export const markerFlood = (repeats: number) =>
  page(`<main>${paragraphsHtml()}</main><footer style="font-size: 2px; height: 4px; overflow: hidden">${'Kyiv '.repeat(repeats)}</footer>`);

/** Attack 4: in each claim's quoted words, one e, a, o and i each become their Cyrillic look-alikes. */
export function claimHomoglyphs(): string {
  let html = paragraphsHtml();
  for (const note of notes) {
    if (note.kind !== 'claim') continue;
    for (const selector of note.selectors ?? []) {
      const exact = escapeHtml(selector.exact);
      const alike = exact.replace(/e(?=[a-z])/, '\u0435').replace(/a(?=[a-z])/, '\u0430').replace(/o/, '\u043e').replace(/i/, '\u0456');
      html = html.split(exact).join(alike);
    }
  }
  return page(`<main>${html}</main>`);
}

const ADMINISTRATION = 'the current administration has pursued';

/** Attack 5: a word drawn inside the "current administration" claim by an element that is not text. */
export const wordDrawnInClaim: ReadonlyArray<[string, string]> = [
  [
    'a borderless input in the text’s own font',
    'the current administration has <input readonly tabindex="-1" value="never" style="all: unset; font: inherit; width: 3.2em"> pursued',
  ],
  [
    'an image of a word',
    `the current administration has <img alt="" style="vertical-align: -4px; width: 44px; height: 20px" src="data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' width='48' height='20'%3E%3Ctext x='0' y='15' font-family='serif' font-size='16'%3Enever%3C/text%3E%3C/svg%3E"> pursued`,
  ],
].map(([how, html]) => {
  const article = paragraphsHtml();
  if (!article.includes(ADMINISTRATION)) throw new Error(`the article has no ${ADMINISTRATION}`);
  return [how, page(`<main>${article.replace(ADMINISTRATION, html)}</main>`)];
});

/**
 * Attack 8: a view transition that never ends and hides the root's image, started as soon as
 * Backstory's card host appears: the article's own image stays live, the top layer (the card) is
 * not drawn (Chromium). `window.transition` says whether one started and whether it ended.
 */
export const cardVeiler = () =>
  page(
    `<main>${paragraphsHtml()}</main>`,
    `<style>
      main { view-transition-name: article; }
      ::view-transition-group(*), ::view-transition-old(*), ::view-transition-new(*) { animation-duration: 100000s; }
      ::view-transition-old(root), ::view-transition-old(article) { display: none; }
      ::view-transition-new(root) { animation: none; opacity: 0; }
      ::view-transition-new(article) { animation: none; opacity: 1; }
      ::view-transition { pointer-events: none; }
    </style>` +
      script(`window.transition = { started: 0, ended: 0 };
      const veil = () => {
        if (!document.startViewTransition) return;
        window.transition.started++;
        document.startViewTransition(() => {}).finished.finally(() => { window.transition.ended++; });
      };
      new MutationObserver((records) => {
        for (const record of records) for (const node of record.addedNodes) if (node.localName && node.localName.startsWith('backstory-')) setTimeout(veil, 300);
      }).observe(document.documentElement, { childList: true });`),
  );

/**
 * Attack 10: a chain `depth` elements deep in an open shadow root beside the article, one text node
 * at its bottom changed `flips` times in every animation frame, from `window.storm()` on. The page
 * records its own frame gaps in `window.frameGaps`.
 */
export const deepShadowStorm = (depth: number, flips: number) =>
  page(
    `<main>${paragraphsHtml()}</main><aside id="side" style="display: none"></aside>` +
      script(`
      const root = document.getElementById('side').attachShadow({ mode: 'open' });
      let element = root.appendChild(document.createElement('div'));
      for (let i = 0; i < ${depth}; i++) element = element.appendChild(document.createElement('div'));
      const text = element.appendChild(document.createTextNode('x'));
      window.frameGaps = [];
      window.storm = () => {
        let last = 0;
        const frame = (now) => {
          if (last) window.frameGaps.push(now - last);
          last = now;
          for (let i = 0; i < ${flips}; i++) text.data = i % 2 ? 'x' : 'y';
          requestAnimationFrame(frame);
        };
        requestAnimationFrame(frame);
      };`),
  );

/**
 * Attack 7: once Backstory's highlights exist, the page registers one of its own over every one of
 * their ranges, with `priority` (1000: above Backstory's), styled to paint them away in a colour a
 * test can find (pure green: background, text and a thick line). `window.erased` is set then. With
 * `hidden`, the page's registry `forEach` (which a Firefox content script has to call) leaves it out.
 */
export const highlightEraser = (priority: number, hidden = false) =>
  page(
    `<main>${paragraphsHtml()}</main>`,
    `<style>::highlight(page-eraser) { background-color: rgb(0 255 0); color: rgb(0 255 0); text-decoration: underline solid rgb(0 255 0) 8px; text-decoration-skip-ink: none; }</style>` +
      script(`window.erased = false;
      ${hidden ? `const forEach = HighlightRegistry.prototype.forEach;
      HighlightRegistry.prototype.forEach = function (callback, self) { return forEach.call(this, (value, key, map) => { if (key !== 'page-eraser') callback.call(self, value, key, map); }); };` : ''}
      (function erase() {
        const ranges = [];
        for (const [name, highlight] of CSS.highlights) if (name.startsWith('backstory')) for (const range of highlight) ranges.push(range);
        if (ranges.length === 0) return setTimeout(erase, 200);
        const eraser = new Highlight(...ranges);
        eraser.priority = ${priority};
        CSS.highlights.set('page-eraser', eraser);
        window.erased = true;
      })();`),
  );
