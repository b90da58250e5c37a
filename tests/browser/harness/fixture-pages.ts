// Test pages that change, misbehave or attack, each carrying the article (or not) in its own way.
import { escapeHtml, paragraphsHtml, PARAGRAPHS } from '../../support/article.ts';

export const page = (body: string, head = '') =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Fixture</title>${head}</head><body>${body}</body></html>`;

const inlineScript = (code: string) => `<script>${code}</script>`;

/** A single-page app: `go('/other')` swaps the article for another page with pushState; back() returns. */
export const singlePageApp = () =>
  page(
    `<nav><a href="#" id="home">Home</a></nav><main id="view"><article>${paragraphsHtml()}</article></main>`,
    inlineScript(`
      addEventListener('DOMContentLoaded', () => {
        const view = document.getElementById('view');
        const article = view.innerHTML;
        window.go = (path) => {
          history.pushState({ path }, '', path);
          view.innerHTML = '<h1>Weather</h1><p>Sunny spells later today, with a light breeze from the west.</p>';
        };
        addEventListener('popstate', () => { view.innerHTML = article; });
      });`),
  );

/** A sidebar that changes thousands of times a second while `storm(ms)` runs. */
export const mutationStorm = () =>
  page(
    `<div style="display:flex"><article style="flex:1">${paragraphsHtml()}</article><aside id="side" style="width:200px"></aside></div>`,
    inlineScript(`
      window.storm = (ms) => new Promise((done) => {
        const side = document.getElementById('side');
        const end = performance.now() + ms;
        let batches = 0;
        const tick = () => {
          for (let i = 0; i < 50; i++) {
            const item = document.createElement('p');
            item.textContent = 'Live ticker ' + batches + ':' + i + ' Trump Putin Musk';
            side.append(item);
            if (side.childNodes.length > 200) side.firstChild.remove();
          }
          batches++;
          if (performance.now() < end) setTimeout(tick, 5); else done(batches);
        };
        tick();
      });`),
  );

/** The article rendered by a web component into an open shadow root. */
export const articleInShadowRoot = () =>
  page(
    `<h1>Top story</h1><news-article></news-article>`,
    inlineScript(`
      customElements.define('news-article', class extends HTMLElement {
        connectedCallback() {
          const root = this.attachShadow({ mode: 'open' });
          root.innerHTML = ${JSON.stringify(`<style>p { font: 18px/1.5 serif; }</style>${paragraphsHtml()}`)};
        }
      });`),
  );

/** A page that breaks built-ins and hides or covers everything it did not create itself. */
export const hostilePage = () =>
  page(
    `<article>${paragraphsHtml()}</article><div class="cover">cover</div>`,
    `<style>
       html > *:not(body):not(head) { display: none !important; visibility: hidden !important; }
       * { z-index: 2147483647 !important; }
       .cover { position: fixed; inset: 0; background: rgb(255 255 255 / 0.01); z-index: 2147483647 !important; }
     </style>` +
      inlineScript(`
        Array.prototype.map = function () { throw new Error('page broke map'); };
        Array.prototype.forEach = function () { throw new Error('page broke forEach'); };
        Array.prototype.push = function () { throw new Error('page broke push'); };
        Node.prototype.appendChild = function () { throw new Error('page broke appendChild'); };
        Element.prototype.append = function () { throw new Error('page broke append'); };
        window.CSS = undefined;
        customElements.define = function () { throw new Error('page broke define'); };
      `),
  );

/** A page that tries to drive the extension through window messages and DOM events. */
export const impersonatingPage = () =>
  page(
    `<article>${paragraphsHtml()}</article>`,
    inlineScript(`
      window.impersonate = () => {
        for (const message of [{ type: 'show-note', id: 'person/elon-musk' }, { type: 'step-note', direction: 1 }, { type: 'note-count', count: 99 }, { settings: { enabled: false } }]) {
          window.postMessage(message, '*');
          document.dispatchEvent(new CustomEvent('backstory', { detail: message }));
          document.dispatchEvent(new CustomEvent(message.type ?? 'settings', { detail: message }));
        }
      };`),
  );

/**
 * A huge, deep page built by script (the HTML parser caps nesting): 200,000 elements, one 5 MB text
 * node, and a chain of elements 10,000 deep holding `deepest` at its bottom. Records long tasks.
 */
export const hugePage = (deepest: string) =>
  page(
    '<main id="main"></main>',
    inlineScript(`
      window.deepest = ${JSON.stringify(deepest)};
      window.longTasks = [];
      try { new PerformanceObserver((list) => window.longTasks.push(...list.getEntries().map((e) => Math.round(e.duration)))).observe({ type: 'longtask', buffered: true }); } catch {}
      addEventListener('DOMContentLoaded', () => {
        const main = document.getElementById('main');
        const list = document.createElement('ul');
        for (let i = 0; i < 200000; i++) { const item = document.createElement('li'); item.textContent = 'Item ' + i; list.appendChild(item); }
        main.appendChild(list);
        const big = document.createElement('pre');
        big.textContent = 'lorem ipsum dolor sit amet '.repeat(200000);
        main.appendChild(big);
        // Chromium's own renderer crashes laying out 5,000 nested visible elements, so the chain is
        // kept out of layout; it is still in the DOM that Backstory reads.
        const chain = document.createElement('div');
        chain.style.contentVisibility = 'hidden';
        main.appendChild(chain);
        let parent = chain;
        for (let depth = 0; depth < 10000; depth++) { const child = document.createElement('div'); parent.appendChild(child); parent = child; }
        const article = document.createElement('article');
        article.innerHTML = window.deepest;
        parent.appendChild(article);
      });`),
  );

/** Paragraphs of the article, for tests that edit the page. */
export { PARAGRAPHS };

/** Puts an invisible character after the first letter of every word: U+2063, a variation selector, a tag character in turn. */
export function withInvisibleInWords(html: string): string {
  const hidden = ['\u2063', '\ufe0f', '\u{e0041}'];
  let next = 0;
  return html.replace(/>([^<]+)</g, (_whole, text: string) => `>${text.replace(/\b([A-Za-z])([a-z]{2,})/g, (_word, first: string, rest: string) => `${first}${hidden[next++ % hidden.length]}${rest}`)}<`);
}

/**
 * A republisher that knows Backstory's source and attacks it all at once. It records in
 * `window.attack` what it could reach. Its moves:
 * - watches <html> for Backstory's host: reads `shadowRoot`, tries to attach its own, restyles it
 *   inline, removes it once;
 * - defines `backstory-popover` itself, with shadow roots disabled;
 * - styles any extra element on <html> to be invisible, click-through and text-transparent;
 * - every 300 ms, clears Backstory's highlights, deletes one, and registers its own under
 *   Backstory's name on the footer;
 * - `window.fakeHover(x, y)` dispatches made-up pointer events there;
 * - opens a page popover of its own after a note opens;
 * - hides invisible characters inside every word of the article.
 */
export const hostileRepublisher = () =>
  page(
    `<article>${withInvisibleInWords(paragraphsHtml())}</article><footer id="footer">Comments are closed. Share this story.</footer><div id="page-popover" popover="manual">Subscribe!</div>`,
    `<style>
       html > :not(head):not(body) { display: none !important; opacity: 0 !important; pointer-events: none !important; -webkit-text-fill-color: transparent !important; color: transparent !important; filter: blur(20px) !important; }
       ::highlight(backstory-claim), ::highlight(backstory-person) { background-color: transparent !important; text-decoration: none !important; }
     </style>` +
      inlineScript(`
        window.attack = { shadowRoots: [], attached: [], removed: 0, cleared: 0 };
        customElements.define('backstory-popover', class extends HTMLElement { static disabledFeatures = ['shadow']; });
        new MutationObserver((records) => {
          for (const record of records) for (const node of record.addedNodes) {
            if (!(node instanceof Element) || !node.localName.startsWith('backstory-')) continue;
            window.attack.shadowRoots.push(String(node.shadowRoot));
            try { node.attachShadow({ mode: 'open' }); window.attack.attached.push('yes'); } catch (error) { window.attack.attached.push(error.name); }
            node.setAttribute('style', 'display:none !important');
            if (window.attack.removed === 0) { window.attack.removed++; node.remove(); }
            setTimeout(() => document.getElementById('page-popover').showPopover(), 100);
          }
        }).observe(document.documentElement, { childList: true });
        setInterval(() => {
          const footer = document.getElementById('footer').firstChild;
          for (const [name, highlight] of CSS.highlights) {
            if (!name.startsWith('backstory')) continue;
            highlight.clear();
            window.attack.cleared++;
          }
          CSS.highlights.delete('backstory-event');
          const mine = document.createRange();
          mine.selectNodeContents(footer);
          CSS.highlights.set('backstory-person', new Highlight(mine));
        }, 300);
        window.fakeHover = (x, y) => {
          const target = document.elementFromPoint(x, y) || document.body;
          for (const type of ['pointerover', 'pointermove', 'pointerdown', 'pointerup']) {
            target.dispatchEvent(new PointerEvent(type, { clientX: x, clientY: y, bubbles: true, composed: true, pointerType: type === 'pointerup' ? 'touch' : 'mouse' }));
          }
        };
      `),
  );

/**
 * The article with a page script that, every 20 ms for `ms`, shortens a text node that holds a
 * name (and restores it on the next tick) and replaces another paragraph's text node with a copy.
 */
export const churningArticle = () =>
  page(
    `<article>${paragraphsHtml()}</article>`,
    inlineScript(`
      window.churn = (ms) => new Promise((done) => {
        const paragraphs = [...document.querySelectorAll('article p')];
        const named = paragraphs.find((p) => p.textContent.includes('Lavrov')).firstChild;
        const full = named.data;
        let ticks = 0;
        const end = performance.now() + ms;
        const timer = setInterval(() => {
          named.data = ticks % 2 === 0 ? full.slice(0, 12) : full;
          const other = paragraphs[(ticks % (paragraphs.length - 2)) + 2];
          other.replaceChild(document.createTextNode(other.textContent), other.firstChild);
          ticks++;
          if (performance.now() > end) { clearInterval(timer); named.data = full; done(ticks); }
        }, 20);
      });`),
  );

/** The article under a transparent layer that covers the whole page (a "click shield"). */
export const articleUnderLayer = () =>
  page(`<article>${paragraphsHtml()}</article><div style="position:fixed;inset:0;z-index:10;background:transparent"></div>`);

/** The article's words split across inline elements placed directly under a web component's shadow root. */
export const splitWordsUnderShadowRoot = () =>
  page(
    `<h1>Top story</h1><x-story></x-story>`,
    inlineScript(`
      customElements.define('x-story', class extends HTMLElement {
        connectedCallback() {
          const root = this.attachShadow({ mode: 'open' });
          root.innerHTML = ${JSON.stringify(PARAGRAPHS.join('<br>'))}.replace(/\\b([A-Za-z]{2})([a-z]{2,})\\b/g, '$1<b>$2</b>');
        }
      });`),
  );

/** The article; `swapBody()` replaces <body> with a copy of itself, as Turbo-style navigation does. */
export const swappableBody = () =>
  page(`<article>${paragraphsHtml()}</article>`, inlineScript(`window.swapBody = () => document.body.replaceWith(document.body.cloneNode(true));`));

/** The article; when Backstory's host appears on <html>, the page moves it into a hidden element. */
export const hostThief = () =>
  page(
    `<article>${paragraphsHtml()}</article><div id="jail" style="display:none"></div>`,
    inlineScript(`
      window.thefts = 0;
      new MutationObserver((records) => {
        for (const record of records) for (const node of record.addedNodes) {
          if (node.localName && node.localName.startsWith('backstory-') && window.thefts < 3) { window.thefts++; document.getElementById('jail').append(node); }
        }
      }).observe(document.documentElement, { childList: true });`),
  );

/**
 * The article with a page script that, once Backstory's host appears, opens a popover of its own
 * over the whole viewport that ignores the pointer (hit-testing does not see it) and says something
 * else about the same person.
 */
export const clickThroughCover = () =>
  page(
    `<article>${paragraphsHtml()}</article><div id="cover" popover="manual" style="position:fixed;inset:0;width:auto;height:auto;margin:0;pointer-events:none;background:#fff">Sergey Lavrov: a widely respected peacemaker.</div>`,
    inlineScript(`
      window.covered = 0;
      new MutationObserver((records) => {
        for (const record of records) for (const node of record.addedNodes) {
          if (node.localName && node.localName.startsWith('backstory-')) setTimeout(() => { document.getElementById('cover').showPopover(); window.covered++; }, 50);
        }
      }).observe(document.documentElement, { childList: true });`),
  );

/**
 * The article with a page script that defines Backstory's host name as its own custom element as
 * soon as the host appears, upgrading it, and through ElementInternals hides it from assistive
 * technology (no attribute changes).
 */
export const hostUpgrader = () =>
  page(
    `<article>${paragraphsHtml()}</article>`,
    inlineScript(`
      window.upgraded = 0;
      new MutationObserver((records) => {
        for (const record of records) for (const node of record.addedNodes) {
          if (!node.localName || !node.localName.startsWith('backstory-') || customElements.get(node.localName)) continue;
          customElements.define(node.localName, class extends HTMLElement {
            constructor() { super(); const internals = this.attachInternals(); internals.ariaHidden = 'true'; internals.role = 'img'; window.upgraded++; }
          });
        }
      }).observe(document.documentElement, { childList: true });`),
  );

/** About 21,000 characters of a news page's own text (none of the article's words), before and after a story. */
const newsPageText = () =>
  Array.from({ length: 180 }, (_, i) => `<p>Market report ${i}: shares of the retailer rose in early trading after stronger results and a raised forecast for the year.</p>`).join('');

/**
 * A web component whose shadow root arrives `delayMs` after load: `attach: 'late'` attaches it then
 * (no change a MutationObserver on the document sees), `attach: 'early'` attaches it empty when
 * connected and fills it then.
 */
export const lateShadowRoot = (attach: 'late' | 'early', delayMs = 500) =>
  page(
    `<h1>Top story</h1><news-article></news-article>`,
    inlineScript(`
      customElements.define('news-article', class extends HTMLElement {
        connectedCallback() {
          const fill = (root) => { root.innerHTML = ${JSON.stringify(`<style>p { font: 18px/1.5 serif; }</style>${paragraphsHtml()}`)}; };
          if (${JSON.stringify(attach)} === 'early') {
            const root = this.attachShadow({ mode: 'open' });
            addEventListener('load', () => setTimeout(() => fill(root), ${delayMs}));
          } else {
            addEventListener('load', () => setTimeout(() => fill(this.attachShadow({ mode: 'open' })), ${delayMs}));
          }
        }
      });`),
  );

/** The article in a web component's open shadow root, inside an ordinary news page with more than 40,000 characters of its own text. */
export const shadowArticleOnTextRichPage = () =>
  page(
    `<header><h1>Daily News</h1></header><main>${newsPageText()}<news-article></news-article>${newsPageText()}</main>`,
    inlineScript(`
      customElements.define('news-article', class extends HTMLElement {
        connectedCallback() {
          this.attachShadow({ mode: 'open' }).innerHTML = ${JSON.stringify(paragraphsHtml())};
        }
      });`),
  );

/** The article as HTML inside an SVG <foreignObject>. */
export const articleInForeignObject = () =>
  page(
    `<h1>Top story</h1><svg width="900" height="4000" viewBox="0 0 900 4000"><foreignObject x="0" y="0" width="900" height="4000"><div xmlns="http://www.w3.org/1999/xhtml" style="font: 18px/1.5 serif">${paragraphsHtml()}</div></foreignObject></svg>`,
  );

/** The article in a same-origin iframe whose document is its `srcdoc`. */
export const articleInSrcdocFrame = () =>
  page(`<h1>Top story</h1><iframe style="width:900px;height:4000px;border:0" srcdoc="${page(`<article>${paragraphsHtml()}</article>`).replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"></iframe>`);

/** The article where the gate reads it and no note shows: as an SVG's own <text> lines or in a <textarea> (not anchored), or where no reader sees it (anchored, every note withheld). */
export const articleInSkippedText = (where: 'svg-text' | 'textarea' | 'unseen') =>
  page(
    where === 'svg-text'
      ? `<h1>Top story</h1><svg width="900" height="${PARAGRAPHS.length * 30}">${PARAGRAPHS.map((text, i) => `<text x="0" y="${20 + i * 30}">${escapeHtml(text)}</text>`).join('')}</svg>`
      : where === 'textarea'
        ? `<h1>Top story</h1><textarea rows="40" cols="100">${escapeHtml(PARAGRAPHS.join('\n'))}</textarea>`
        : `<h1>Top story</h1><div style="content-visibility: hidden"><article>${paragraphsHtml()}</article></div>`,
  );

/**
 * A page of 2 MB of other text (read by the gate a text node at a time, over many slices) that puts
 * the article at its top on its first task after `load`: behind the gate's reading, while it reads.
 */
/** A page with a clock changing every 16 ms (a frame) that adds the article 1.5 s after load: the gate has stopped listening to it by then (text-watch.ts). */
export const articleAddedToChangingPage = () =>
  page(
    `<p>Live: <span id="clock">0</span></p><main id="top"></main>`,
    inlineScript(`
      let tick = 0;
      setInterval(() => { document.getElementById('clock').textContent = String(++tick); }, 16);
      addEventListener('load', () => setTimeout(() => { document.getElementById('top').innerHTML = ${JSON.stringify(`<article>${paragraphsHtml()}</article>`)}; }, 1500));`),
  );

export const articleAddedWhileRead = () =>
  page(
    `<main id="top"></main>${Array.from({ length: 200 }, (_, i) => `<p>Archive item ${i}: ${'officials met again today; talks on trade, energy and security continue. '.repeat(140)}</p>`).join('')}`,
    inlineScript(`addEventListener('load', () => setTimeout(() => { document.getElementById('top').innerHTML = ${JSON.stringify(`<article>${paragraphsHtml()}</article>`)}; }, 0));`),
  );

/**
 * The article, with `spoof()`: every 500 ms the page puts Backstory's ranges back into its
 * highlights, dispatches a visibilitychange of its own (which Backstory's guard hears), and clears
 * them again, so that a check prompted by the event finds them intact and the marks are never seen.
 */
export const visibilitySpoofer = () =>
  page(
    `<article>${paragraphsHtml()}</article>`,
    inlineScript(`
      window.spoof = () => {
        const saved = new Map();
        for (const [name, highlight] of CSS.highlights) if (name.startsWith('backstory')) saved.set(highlight, [...highlight]);
        const round = () => {
          for (const [highlight, ranges] of saved) for (const range of ranges) highlight.add(range);
          document.dispatchEvent(new Event('visibilitychange'));
          for (const highlight of saved.keys()) highlight.clear();
        };
        round();
        setInterval(round, 500);
        return saved.size;
      };
    `),
  );

/** The article on a page that toggles a class on <body> every 100 ms, for as long as it is open. */
export const restlessPage = () =>
  page(`<article>${paragraphsHtml()}</article>`, inlineScript(`setInterval(() => document.body.classList.toggle('tick'), 100);`));
