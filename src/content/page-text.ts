// How the gate reads a page: its text in one native call, plus the text of open shadow roots of
// custom elements (news sites that render articles in web components), and a scan in slices so a
// huge page never blocks the main thread for long.
import { collectMatches } from '../core/fingerprint.ts';

/** Characters scanned between yields to the page: a few milliseconds of work. */
const SLICE = 200_000;

const CUSTOM_ELEMENTS = "//*[contains(local-name(), '-')]";

export function shadowTexts(root: Document): string[] {
  const texts: string[] = [];
  const found = root.evaluate(CUSTOM_ELEMENTS, root, null, XPathResult.ORDERED_NODE_SNAPSHOT_TYPE, null);
  for (let i = 0; i < found.snapshotLength; i++) {
    const shadow = (found.snapshotItem(i) as Element).shadowRoot;
    if (shadow?.textContent) texts.push(shadow.textContent);
  }
  return texts;
}

export function pageText(): string {
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
