// Reader input for the overlay, caught before the page can touch it. The gate creates the relay at
// document_start, before any page script runs, so its capture listeners on window are the first of
// all to see each event: a page cannot stop Backstory's hover, tap, Escape or link clicks with a
// listener of its own. Until the overlay subscribes, each listener is one map lookup.

export type RelayedType = 'pointermove' | 'pointerup' | 'keydown' | 'click' | 'scroll' | 'toggle';
const RELAYED: readonly RelayedType[] = ['pointermove', 'pointerup', 'keydown', 'click', 'scroll', 'toggle'];

type Handler = (event: Event) => void;

export class InputRelay {
  private readonly handlers = new Map<RelayedType, Set<Handler>>();

  constructor(target: Window) {
    for (const type of RELAYED) {
      // Not passive where the overlay may cancel (Escape, a click on its own links).
      target.addEventListener(type, (event) => this.handlers.get(type)?.forEach((handler) => handler(event)), { capture: true, passive: type !== 'keydown' && type !== 'click' });
    }
  }

  on<E extends Event>(type: RelayedType, handler: (event: E) => void, signal: AbortSignal): void {
    const set = this.handlers.get(type) ?? new Set<Handler>();
    this.handlers.set(type, set);
    set.add(handler as Handler);
    signal.addEventListener('abort', () => set.delete(handler as Handler), { once: true });
  }
}
