// What the overlay's features share on the article's page: the page's text index, the notes
// anchored in it, the ones shown under the reader's settings, and the UI they drive.
import type { PackData } from '../model/pack.ts';
import type { WithheldNote } from '../shared/messages.ts';
import type { Display } from '../shared/settings.ts';
import type { Anchored } from './anchor.ts';
import type { InputRelay } from './input-relay.ts';
import type { OwnHighlights } from './highlight-registry.ts';
import type { Popover } from './popover.ts';
import type { TextIndex } from './text-index.ts';

export interface OverlayState {
  readonly doc: Document;
  /** Reader input, seen before page scripts can stop it. */
  readonly relay: InputRelay;
  readonly pack: PackData;
  readonly popover: Popover;
  readonly highlights: OwnHighlights;
  index: TextIndex;
  /** Every note anchored on the page… */
  all: Anchored[];
  /** Notes not painted: the reader does not see their words as the article wrote them (vouch.ts). */
  withheld: WithheldNote[];
  /** …and those the reader's display settings show, in reading order. */
  shown: Anchored[];
  display: Display;
  /** Position in `shown` of the note last stepped to, -1 before the first step. */
  current: number;
  /** The smallest subtree holding every anchored note; changes elsewhere are not the article's. */
  articleRoot?: Node;
  /** The page removed or changed Backstory's highlights at least once. */
  interfered: boolean;
  /** The page kept Backstory from showing its highlights or a note (past every budget of restores). */
  blocked: boolean;
}

/** `node` and its ancestors, up through shadow roots to their hosts, to the document. */
export function composedAncestors(node: Node): Node[] {
  const chain: Node[] = [];
  for (let current: Node | null = node; current; current = current.parentNode ?? (current instanceof ShadowRoot ? current.host : null)) chain.push(current);
  return chain;
}

/** Wraps every callback Backstory hands the page's event loop: an error ends the overlay, once. */
export type Guard = <A extends unknown[]>(callback: (...args: A) => void) => (...args: A) => void;

export function makeGuard(signal: AbortSignal, onError: (error: unknown) => void): Guard {
  return (callback) =>
    (...args) => {
      if (signal.aborted) return;
      try {
        callback(...args);
      } catch (error) {
        onError(error);
      }
    };
}
