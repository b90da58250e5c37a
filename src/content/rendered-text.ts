// Whether the reader sees the words under a Range as the page's text has them: Backstory vouches
// (paints, opens a note) only for such text. Costs style and layout, so it is asked only of the
// anchored ranges (about 74 on the article), never of the whole page.
import type { WithheldReason } from '../shared/messages.ts';
import { sameWordsAfterTransform } from './text-transform.ts';

export type { WithheldReason };

export type Rendering =
  | { ok: true }
  /** `partly`: some of the range's words are shown (the reader sees different words there), not none. */
  | { ok: false; reason: WithheldReason; partly: boolean };

const XHTML = 'http://www.w3.org/1999/xhtml';
/** Replaced and embedded content: what it shows is not text Backstory read. */
const REPLACED = new Set(['IMG', 'PICTURE', 'INPUT', 'TEXTAREA', 'SELECT', 'BUTTON', 'IFRAME', 'FRAME', 'OBJECT', 'EMBED', 'VIDEO', 'AUDIO', 'CANVAS', 'METER', 'PROGRESS']);
/** Never rendered by default; their text is not the page's (the text index skips it too). */
const UNRENDERED = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE']);
const WORD = /[\p{L}\p{N}]/u;
/** Letters under this share of the tallest in the range are too small to read as part of it. */
const MIN_HEIGHT_SHARE = 0.4;
const VISIBILITY: CheckVisibilityOptions = { checkOpacity: true, checkVisibilityCSS: true, opacityProperty: true, visibilityProperty: true, contentVisibilityAuto: true };

/** Generated content with no letter or digit (quotes, dashes, bullets) does not change the words. */
function addsWords(content: string): boolean {
  if (content === 'none' || content === 'normal' || content === '') return false;
  const withoutQuotes = content.replace(/\b(no-)?(open|close)-quote\b/g, '');
  // Strings are quoted in the computed value; anything outside them (url(), attr(), counter()) may show anything.
  const outside = withoutQuotes.replace(/"(?:[^"\\]|\\.)*"/g, '').trim();
  if (outside !== '') return true;
  return [...withoutQuotes.matchAll(/"((?:[^"\\]|\\.)*)"/g)].some((match) => WORD.test(match[1]));
}

function transparent(color: string): boolean {
  return color === 'transparent' || /^rgba\(.*,\s*0\)$/.test(color) || /\/\s*0\)$/.test(color);
}

/** What one check of many ranges learns about elements, shared between the ranges. */
export class RenderCache {
  readonly styles = new Map<Element, CSSStyleDeclaration>();
  readonly clips = new Map<Element, DOMRect | null>();
  style(element: Element): CSSStyleDeclaration {
    let style = this.styles.get(element);
    if (!style) {
      style = getComputedStyle(element);
      this.styles.set(element, style);
    }
    return style;
  }
}

/** The box an ancestor clips its content to, per axis (`overflow: hidden | clip`), or null. */
function clipOf(element: Element, cache: RenderCache): DOMRect | null {
  if (cache.clips.has(element)) return cache.clips.get(element) ?? null;
  const style = cache.style(element);
  const clipsX = style.overflowX === 'hidden' || style.overflowX === 'clip';
  const clipsY = style.overflowY === 'hidden' || style.overflowY === 'clip';
  let clip: DOMRect | null = null;
  if (clipsX || clipsY) {
    const box = element.getBoundingClientRect();
    clip = new DOMRect(clipsX ? box.left : -Infinity, clipsY ? box.top : -Infinity, clipsX ? box.width : Infinity, clipsY ? box.height : Infinity);
  }
  cache.clips.set(element, clip);
  return clip;
}

/** Whether the text box is cut away by an ancestor between it and <body> (whose overflow is the viewport's). */
function clippedAway(rect: DOMRect, from: Element, cache: RenderCache): boolean {
  const body = from.ownerDocument.body;
  for (let element: Element | null = from; element && element !== body && element !== from.ownerDocument.documentElement; element = element.parentElement ?? ((element.parentNode as ShadowRoot | null)?.host ?? null)) {
    const clip = clipOf(element, cache);
    if (!clip) continue;
    const centreX = rect.left + rect.width / 2;
    const centreY = rect.top + rect.height / 2;
    if (centreX < clip.left || centreX > clip.right || centreY < clip.top || centreY > clip.bottom) return true;
  }
  return false;
}

/** Beyond the top or left edge of the document: no scrolling brings it into view. */
function offPage(rect: DOMRect): boolean {
  return rect.right + scrollX <= 0 || rect.bottom + scrollY <= 0;
}

/** An element's shadow root, closed ones included where the extension can see them (Firefox: openOrClosedShadowRoot; Chromium: chrome.dom). */
function shadowOf(element: Element): ShadowRoot | null {
  const firefox = (element as Element & { openOrClosedShadowRoot?: ShadowRoot | null }).openOrClosedShadowRoot;
  if (firefox !== undefined) return firefox;
  const chromeDom = (globalThis as { chrome?: { dom?: { openOrClosedShadowRoot?(element: Element): ShadowRoot | null } } }).chrome?.dom;
  return chromeDom?.openOrClosedShadowRoot?.(element) ?? element.shadowRoot;
}

interface TextPiece {
  node: Text;
  start: number;
  end: number;
}

/** Elements and text nodes that the range holds or passes through, below its common ancestor. */
function* inside(range: Range): Generator<Node> {
  const root = range.commonAncestorContainer;
  if (root.nodeType === Node.TEXT_NODE) {
    yield root;
    return;
  }
  const walker = root.ownerDocument!.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!range.intersectsNode(node)) {
      // Past the range's end nothing more can intersect.
      if (range.comparePoint(node, 0) > 0) return;
      continue;
    }
    yield node;
  }
}

/**
 * Whether the reader sees the words under `range` as the text holds them: none hidden or too small
 * to see, no generated content (`::before` / `::after` with words) inside it or on an element the
 * range enters or leaves, no foreign-namespace (MathML, SVG) or replaced content (img, input,
 * iframe…), and the same words after `text-transform`.
 */
export function renderedAsWritten(range: Range, cache = new RenderCache()): Rendering {
  const pieces: TextPiece[] = [];
  let failure: WithheldReason | undefined;
  const skipped: Element[] = [];
  for (const node of inside(range)) {
    if (skipped.some((element) => element.contains(node))) continue;
    if (node.nodeType === Node.TEXT_NODE) {
      const text = node as Text;
      const start = text === range.startContainer ? range.startOffset : 0;
      const end = text === range.endContainer ? range.endOffset : text.length;
      if (WORD.test(text.data.slice(start, end))) pieces.push({ node: text, start, end });
      continue;
    }
    const element = node as Element;
    const tag = element.tagName.toUpperCase();
    if (element.namespaceURI !== XHTML || REPLACED.has(tag)) {
      failure ??= 'foreign-content';
      skipped.push(element);
      continue;
    }
    // A shadow root shows its own content instead of, or around, the words Backstory read.
    if (shadowOf(element)) {
      failure ??= 'generated-content';
      skipped.push(element);
      continue;
    }
    if (UNRENDERED.has(tag)) {
      if (element.checkVisibility(VISIBILITY)) failure ??= 'foreign-content';
      skipped.push(element);
      continue;
    }
    // ::before renders inside the range unless the range starts after it; ::after unless it ends before.
    const holdsStart = element.contains(range.startContainer);
    const holdsEnd = element.contains(range.endContainer);
    if ((!holdsStart && addsWords(getComputedStyle(element, '::before').content)) || (!holdsEnd && addsWords(getComputedStyle(element, '::after').content))) {
      failure ??= 'generated-content';
    }
  }
  let shown = 0;
  let tallest = 0;
  const heights: number[] = [];
  for (const piece of pieces) {
    const parent = piece.node.parentElement;
    const verdict = parent ? pieceVerdict(piece, parent, cache) : 'hidden';
    if (typeof verdict === 'number') {
      shown++;
      tallest = Math.max(tallest, verdict);
      heights.push(verdict);
    } else {
      failure ??= verdict;
      heights.push(-1);
    }
  }
  if (!failure && heights.some((height) => height >= 0 && height < tallest * MIN_HEIGHT_SHARE)) failure = 'zero-size';
  if (pieces.length === 0) failure ??= 'hidden';
  return failure ? { ok: false, reason: failure, partly: shown > 0 } : { ok: true };
}

/** A failure, or the height of the piece's tallest box when the reader can see it. */
function pieceVerdict(piece: TextPiece, parent: Element, cache: RenderCache): WithheldReason | number {
  if (!parent.checkVisibility(VISIBILITY)) return 'hidden';
  const style = cache.style(parent);
  if (transparent(style.color) || transparent(style.getPropertyValue('-webkit-text-fill-color'))) return 'hidden';
  const text = piece.node.data.slice(piece.start, piece.end);
  if (!sameWordsAfterTransform(text, style.textTransform, parent.closest('[lang]')?.getAttribute('lang') ?? undefined)) return 'text-transform';
  const sub = piece.node.ownerDocument.createRange();
  sub.setStart(piece.node, piece.start);
  sub.setEnd(piece.node, piece.end);
  let height = 0;
  let seen = false;
  for (const rect of sub.getClientRects()) {
    if (rect.width < 0.5 || rect.height < 0.5) continue;
    if (offPage(rect) || clippedAway(rect, parent, cache)) return 'hidden';
    seen = true;
    height = Math.max(height, rect.height);
  }
  return seen ? height : 'zero-size';
}
