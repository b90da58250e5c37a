// How the gate reads a page: its text in one native call, plus the text of open shadow roots of
// custom elements (news sites that render articles in web components), and a scan in slices so a
// huge page never blocks the main thread for long.
import { carriesArticle, collectMatches, textNearNames } from '../core/fingerprint.ts';

/** Characters scanned between yields to the page: a few milliseconds of work. */
const SLICE = 200_000;

/** Pages with more light-DOM text than this are not searched for shadow roots. */
const SHADOW_SCAN_MAX_LIGHT_TEXT = 20_000;

const CUSTOM_ELEMENTS = "//*[contains(local-name(), '-')]";

function shadowTexts(root: Document): string[] {
  const texts: string[] = [];
  const found = root.evaluate(CUSTOM_ELEMENTS, root, null, XPathResult.ORDERED_NODE_SNAPSHOT_TYPE, null);
  for (let i = 0; i < found.snapshotLength; i++) {
    const shadow = (found.snapshotItem(i) as Element).shadowRoot;
    if (shadow?.textContent) texts.push(shadow.textContent);
  }
  return texts;
}

function pageText(): string {
  const root = document.body ?? document.documentElement;
  return root?.textContent ?? '';
}

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** collectMatches over `text` in slices cut at whitespace, yielding to the page between slices. */
export async function collectMatchesInSlices(text: string, fingerprint: ReadonlySet<number>, found: Set<number>): Promise<void> {
  if (text.length <= SLICE) return collectMatches(text, fingerprint, found);
  for (let start = 0; start < text.length; ) {
    let end = Math.min(text.length, start + SLICE);
    if (end < text.length) {
      const space = text.lastIndexOf(' ', end);
      if (space > start) end = space;
    }
    collectMatches(text.slice(start, end), fingerprint, found);
    start = end;
    if (start < text.length) await nextTask();
  }
}

type Collect = (text: string, fingerprint: ReadonlySet<number>, found: Set<number>) => void | Promise<void>;

async function collectAroundNames(text: string, fingerprint: ReadonlySet<number>, people: readonly string[], found: Set<number>, collect: Collect): Promise<void> {
  for (const part of textNearNames(text, people)) await collect(part, fingerprint, found);
}

/**
 * The gate's whole look at a page: the light DOM's text, then (for pages with little of it) the open
 * shadow roots of custom elements; in each, only the text around the article's people is hashed.
 * Adds to `found`; true when the article is here.
 */
export async function scanDocument(fingerprint: ReadonlySet<number>, people: readonly string[], found: Set<number>, collect: Collect = collectMatchesInSlices): Promise<boolean> {
  const text = pageText();
  await collectAroundNames(text, fingerprint, people, found, collect);
  if (carriesArticle(found, fingerprint)) return true;
  // Articles in web components leave little text in the light DOM; a page with plenty of it is not
  // one, and is spared the search for shadow roots (about as costly as reading the text).
  if (text.length > SHADOW_SCAN_MAX_LIGHT_TEXT) return false;
  for (const shadowText of shadowTexts(document)) await collectAroundNames(shadowText, fingerprint, people, found, collect);
  return carriesArticle(found, fingerprint);
}
