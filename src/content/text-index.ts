// Reads the visible text of a subtree (open shadow roots included) into one string, remembering
// which text node each part came from, so word offsets can become DOM Ranges. Reads only.
import { locateSpan } from '../core/offsets.ts';
import { nextTask } from './timers.ts';

export interface TextIndex {
  text: string;
  nodes: Text[];
  /** Offset in `text` where each node's data begins. */
  starts: number[];
  /** Open shadow roots whose text is part of the index (they need the highlight styles too). */
  shadowRoots: ShadowRoot[];
}

/** Local names, in lower case as HTML documents give them (no string made per element). */
const SKIPPED = new Set(['script', 'style', 'noscript', 'template', 'textarea', 'select', 'option', 'iframe', 'object', 'svg', 'math', 'canvas', 'video', 'audio', 'head']);
const INLINE = new Set(['a', 'abbr', 'b', 'bdi', 'bdo', 'cite', 'code', 'data', 'dfn', 'em', 'font', 'i', 'kbd', 'mark', 'q', 's', 'samp', 'small', 'span', 'strong', 'sub', 'sup', 'time', 'u', 'var', 'wbr', 'del', 'ins', 'label']);

/** Node.ELEMENT_NODE and Node.TEXT_NODE, written out so that the index also runs on a DOM without globals (the pack CLI's jsdom). */
const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

const isElement = (node: Node): node is Element => node.nodeType === ELEMENT_NODE;
/**
 * A `hidden` element is not laid out, so it separates nothing: `fai<br hidden>led` reads "failed",
 * as the reader sees it. Its text is still read; rendered-text.ts withholds a note with hidden words.
 */
const isBlock = (element: Element): boolean => !INLINE.has(element.localName) && !element.hasAttribute('hidden');
const isSkipped = (element: Element): boolean => SKIPPED.has(element.localName);

class IndexBuilder {
  /** The text read since the last step, and the steps' texts: joined a step at a time, since one join of a huge page's parts was a long task (38 ms for 400,000). */
  private parts: string[] = [];
  private readonly steps: string[] = [];
  readonly index: TextIndex = { text: '', nodes: [], starts: [], shadowRoots: [] };
  private length = 0;
  private boundary = false;

  text(): string {
    return this.steps.join('') + this.parts.join('');
  }

  markBoundary(): void {
    this.boundary = true;
  }

  add(text: Text): void {
    const data = text.data;
    if (data.length === 0) return;
    if (this.boundary && this.length > 0) {
      this.parts.push('\n');
      this.length += 1;
    }
    this.boundary = false;
    this.index.nodes.push(text);
    this.index.starts.push(this.length);
    this.parts.push(data);
    this.length += data.length;
  }

  /**
   * Depth-first over `root` without recursion (pages nest 10,000 deep). Words join across inline
   * elements (`<b>Mu</b>sk` reads "Musk"); entering or leaving a block, or a <br>, separates them.
   */
  *walk(root: Node): Generator<void, void, void> {
    let node: Node | null = root.firstChild;
    let visited = 0;
    while (node) {
      if (++visited % NODES_PER_STEP === 0) {
        this.steps.push(this.parts.join(''));
        this.parts = [];
        yield;
      }
      let descend = false;
      if (node.nodeType === TEXT_NODE) this.add(node as Text);
      else if (isElement(node) && node.localName === 'svg') {
        // An SVG's own text is drawn, not laid out as text: skipped. The HTML in its <foreignObject>s
        // is laid out as a page's, and the gate reads it (textContent): read here too, as blocks.
        for (const foreign of node.querySelectorAll('foreignObject')) {
          if (foreign.parentElement?.closest('svg') !== node) continue;
          this.markBoundary();
          yield* this.walk(foreign);
          this.markBoundary();
        }
      } else if (isElement(node) && !isSkipped(node)) {
        if (isBlock(node)) this.markBoundary();
        const shadow = node.shadowRoot;
        if (shadow) {
          this.index.shadowRoots.push(shadow);
          yield* this.walk(shadow);
          this.markBoundary();
        }
        descend = node.firstChild !== null;
      }
      if (descend) {
        node = node.firstChild;
        continue;
      }
      while (node && node !== root && !node.nextSibling) {
        node = node.parentNode;
        if (node && node !== root && isElement(node) && isBlock(node)) this.markBoundary();
      }
      node = node && node !== root ? node.nextSibling : null;
    }
  }
}

/** Nodes visited between two points where a long walk may pause. */
const NODES_PER_STEP = 2000;
/** Longest stretch of work before the walk yields to the page (a frame is 16 ms). */
const SLICE_MS = 8;

function finish(builder: IndexBuilder): TextIndex {
  builder.index.text = builder.text();
  return builder.index;
}

export function indexText(root: Node): TextIndex {
  const builder = new IndexBuilder();
  const steps = builder.walk(root);
  while (!steps.next().done);
  return finish(builder);
}


/**
 * indexText that gives the main thread back every few milliseconds on huge pages. A walk that was
 * aborted (superseded, or the overlay ended) stops before it reads the page again.
 */
export async function indexTextInSlices(root: Node, signal: AbortSignal): Promise<TextIndex | undefined> {
  const builder = new IndexBuilder();
  const steps = builder.walk(root);
  let sliceStart = performance.now();
  while (!signal.aborted && !steps.next().done) {
    if (performance.now() - sliceStart < SLICE_MS) continue;
    await nextTask();
    sliceStart = performance.now();
  }
  return signal.aborted ? undefined : finish(builder);
}

/**
 * Whether text node `i` of the index holds now, from `from` to `to` (to its end when undefined), the
 * text the index read there: the page may edit its text while the walk yields, and while the
 * background matches.
 */
function holdsAsRead(index: TextIndex, i: number, from: number, to?: number): boolean {
  const node = index.nodes[i];
  const start = index.starts[i];
  const end = to ?? node.length;
  if (node.data.slice(from, end) !== index.text.slice(start + from, start + end)) return false;
  if (to !== undefined) return true;
  // All of the node: as long as it was when read (a boundary's line break may follow it).
  const readEnd = i + 1 < index.starts.length ? index.starts[i + 1] : index.text.length;
  return start + end === readEnd || (start + end === readEnd - 1 && index.text[readEnd - 1] === '\n');
}

/**
 * The Range over `[start, end)` of the index's text, or undefined when the page changed the nodes
 * since they were read (a text node edited, shortened or removed while the walk yielded or the
 * background matched): a place is made only on the words it was matched to.
 */
export function rangeOf(index: TextIndex, start: number, end: number): Range | undefined {
  const [from, to] = locateSpan(index.starts, start, end);
  const first = index.nodes[from.segment];
  const last = index.nodes[to.segment];
  if (!first?.isConnected || !last?.isConnected) return undefined;
  for (let i = from.segment; i <= to.segment; i++) {
    if (!holdsAsRead(index, i, i === from.segment ? from.offset : 0, i === to.segment ? to.offset : undefined)) return undefined;
  }
  const range = first.ownerDocument.createRange();
  range.setStart(first, from.offset);
  range.setEnd(last, to.offset);
  return range.collapsed ? undefined : range;
}
