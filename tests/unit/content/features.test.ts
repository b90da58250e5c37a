// @vitest-environment jsdom
// The overlay's features and the gate's helpers, on jsdom: what they decide, without a browser.
import { describe, expect, it, vi } from 'vitest';
import type { Anchored } from '../../../src/content/anchor.ts';
import { itemsAtPoint } from '../../../src/content/hit-test.ts';
import { InputRelay } from '../../../src/content/input-relay.ts';
import { dispatchDelay, watchHover } from '../../../src/content/hover.ts';
import { makeGuard, type OverlayState } from '../../../src/content/overlay-state.ts';
import { watchArticle } from '../../../src/content/reanchor.ts';
import { settler } from '../../../src/content/settled.ts';
import { showNote, step } from '../../../src/content/stepping.ts';
import { outermost } from '../../../src/content/text-watch.ts';
import { after } from '../../../src/content/timers.ts';
import type { Note } from '../../../src/model/note.ts';

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function rect(left: number, top: number, width: number, height: number): DOMRect {
  return { left, top, width, height, right: left + width, bottom: top + height, x: left, y: top, toJSON: () => ({}) } as DOMRect;
}

/** An anchored note whose range occupies the given rectangles on screen. */
function placed(id: string, start: number, end: number, rects: DOMRect[]): Anchored {
  const range = document.createRange();
  range.getClientRects = () => rects as unknown as DOMRectList;
  range.getBoundingClientRect = () => rect(Math.min(...rects.map((r) => r.left)), Math.min(...rects.map((r) => r.top)), Math.max(...rects.map((r) => r.right)) - Math.min(...rects.map((r) => r.left)), Math.max(...rects.map((r) => r.bottom)) - Math.min(...rects.map((r) => r.top)));
  const note = { id, kind: 'person', title: id, summary: '', body: '', asOf: '2025-02-18', version: 1, updated: '2025-02-18', sources: [] } as Note;
  return { note, kind: 'person', start, end, range };
}

const relay = new InputRelay(window);

function stateWith(shown: Anchored[]): OverlayState & { opened: string[][] } {
  const opened: string[][] = [];
  const popover = {
    show: (notes: readonly Note[]) => opened.push(notes.map((note) => note.id)),
    hide: vi.fn(),
    isOpen: () => opened.length > 0,
    hasFocus: () => false,
    contains: () => false,
    range: undefined,
  };
  return {
    doc: document,
    relay,
    pack: {} as OverlayState['pack'],
    popover: popover as unknown as OverlayState['popover'],
    highlights: {} as OverlayState['highlights'],
    index: { text: '', nodes: [], starts: [], shadowRoots: [] },
    all: shown,
    withheld: [],
    shown,
    display: { kinds: { person: true, event: true, claim: true }, mentions: 'all', intensity: 'normal', dwellMs: 10 },
    current: -1,
    interfered: false,
    blocked: false,
    opened,
  };
}

describe('hit-testing by geometry', () => {
  it('finds the notes under a point, the shortest first, across a line break', () => {
    const long = placed('claim/long', 0, 80, [rect(10, 10, 300, 20), rect(10, 30, 120, 20)]);
    const name = placed('person/name', 40, 46, [rect(60, 30, 40, 20)]);
    expect(itemsAtPoint([long, name], 70, 40).map((item) => item.note.id)).toEqual(['person/name', 'claim/long']);
    expect(itemsAtPoint([long, name], 200, 15).map((item) => item.note.id)).toEqual(['claim/long']);
    expect(itemsAtPoint([long, name], 200, 40)).toEqual([]);
  });
});

describe('stepping through notes', () => {
  it('goes forward and back in reading order, wrapping at both ends, and opens each', () => {
    const items = [placed('a', 0, 1, [rect(0, 0, 1, 1)]), placed('b', 2, 3, [rect(0, 0, 1, 1)]), placed('c', 4, 5, [rect(0, 0, 1, 1)])];
    const state = stateWith(items);
    window.scrollBy = () => undefined;
    step(state, 1);
    step(state, 1);
    step(state, -1);
    step(state, -1);
    step(state, -1);
    expect(state.opened).toEqual([['a'], ['b'], ['a'], ['c'], ['b']]);
  });

  it('opens a note by id, and says when it is not on the page', () => {
    const state = stateWith([placed('a', 0, 1, [rect(0, 0, 1, 1)])]);
    window.scrollBy = () => undefined;
    expect(showNote(state, 'a')).toBe(true);
    expect(showNote(state, 'missing')).toBe(false);
    expect(state.opened).toEqual([['a']]);
  });
});

describe('hover', () => {
  it('counts the dwell from the pointer’s move, not from when the move reached the script', () => {
    expect(dispatchDelay({ timeStamp: 988 }, 1000)).toBe(12);
    expect(dispatchDelay({ timeStamp: 1000 }, 1000)).toBe(0);
    // A stamp on another clock (from the future, or long past) shortens nothing.
    expect(dispatchDelay({ timeStamp: 1010 }, 1000)).toBe(0);
    expect(dispatchDelay({ timeStamp: 400 }, 1000)).toBe(0);
  });

  it('ignores pointer events a page script makes up', async () => {
    const state = stateWith([placed('a', 0, 1, [rect(0, 0, 100, 100)])]);
    const controller = new AbortController();
    watchHover(state, makeGuard(controller.signal, () => undefined), controller.signal);
    const fake = new Event('pointermove', { bubbles: true });
    Object.assign(fake, { clientX: 50, clientY: 50, pointerType: 'mouse' });
    document.body.dispatchEvent(fake);
    await wait(50);
    expect(fake.isTrusted).toBe(false);
    expect(state.opened).toEqual([]);
    controller.abort();
  });
});

describe('the input relay', () => {
  it('hands events to subscribers until their signal aborts, before the page’s own capture listeners', () => {
    const target = new EventTarget() as unknown as Window;
    const own = new InputRelay(target);
    const seen: string[] = [];
    target.addEventListener('keydown', () => seen.push('page'), { capture: true });
    const controller = new AbortController();
    own.on('keydown', () => seen.push('backstory'), controller.signal);
    target.dispatchEvent(new Event('keydown'));
    controller.abort();
    target.dispatchEvent(new Event('keydown'));
    expect(seen).toEqual(['backstory', 'page', 'page']);
  });
});

describe('the error guard', () => {
  it('passes an exception to onError instead of the page, and does nothing once aborted', () => {
    const controller = new AbortController();
    const errors: unknown[] = [];
    const guard = makeGuard(controller.signal, (error) => errors.push(error));
    const calls: number[] = [];
    const callback = guard((n: number) => {
      calls.push(n);
      if (n === 2) throw new Error('boom');
    });
    callback(1);
    expect(() => callback(2)).not.toThrow();
    controller.abort();
    callback(3);
    expect(calls).toEqual([1, 2]);
    expect(errors.map(String)).toEqual(['Error: boom']);
  });
});

describe('timers that run where page scripts are blocked', () => {
  it('call back once after the delay, or never when cancelled', async () => {
    const calls: string[] = [];
    after(5, () => calls.push('kept'));
    after(5, () => calls.push('cancelled'))();
    await wait(40);
    expect(calls).toEqual(['kept']);
  });

  it('settle: wait for quiet, but never longer than the cap', async () => {
    const controller = new AbortController();
    let runs = 0;
    const poke = settler(() => ({ delay: 30, maxWait: 80 }), () => runs++, controller.signal);
    const start = performance.now();
    while (performance.now() - start < 150) {
      poke();
      await wait(10);
    }
    expect(runs).toBeGreaterThanOrEqual(1);
    const before = runs;
    await wait(60);
    expect(runs).toBe(before + 1);
    controller.abort();
  });

  it('settle: a poke every millisecond arms a timer about once per delay, not once per poke', async () => {
    const controller = new AbortController();
    const timeout = vi.spyOn(AbortSignal, 'timeout');
    let runs = 0;
    const poke = settler(() => ({ delay: 30, maxWait: 80 }), () => runs++, controller.signal);
    let pokes = 0;
    const start = performance.now();
    while (performance.now() - start < 100) {
      poke();
      pokes++;
      await wait(1);
    }
    await wait(50);
    expect(runs).toBeGreaterThanOrEqual(1);
    expect(pokes).toBeGreaterThan(30);
    expect(timeout.mock.calls.length).toBeLessThanOrEqual(10);
    timeout.mockRestore();
    controller.abort();
  });

  it('settle: runs nothing once aborted', async () => {
    const controller = new AbortController();
    let runs = 0;
    const poke = settler(() => ({ delay: 20, maxWait: 50 }), () => runs++, controller.signal);
    poke();
    controller.abort();
    await wait(60);
    expect(runs).toBe(0);
  });
});

describe('the watcher’s batches', () => {
  it('keep each changed subtree once: nodes inside another pending node, or gone, are dropped', () => {
    document.body.innerHTML = '<div id="a"><p id="b">x</p></div><p id="c">y</p>'; // test fixture
    const a = document.getElementById('a') as Element;
    const b = document.getElementById('b') as Element;
    const c = document.getElementById('c') as Element;
    const gone = document.createElement('p');
    expect(outermost(new Set([b, a, c, b.firstChild as Node, gone]))).toEqual([a, c]);
  });
});

describe('re-anchoring', () => {
  it('anchors again after the article changes, not after changes elsewhere, and never throws into the page', async () => {
    document.body.innerHTML = '<article id="article"><p id="text">Lavrov</p></article><aside id="side"></aside>'; // test fixture
    const article = document.getElementById('article') as Element;
    const state = stateWith([]);
    state.articleRoot = article;
    const runs: number[] = [];
    const anchorer = {
      anchorNotes: () => ({ index: state.index, anchored: [] }),
      anchorNotesInSlices: async () => {
        runs.push(performance.now());
        return { index: state.index, anchored: [] };
      },
    };
    const controller = new AbortController();
    const errors: unknown[] = [];
    const reanchoring = watchArticle(state, anchorer, () => undefined, () => undefined, (error) => errors.push(error), makeGuard(controller.signal, (error) => errors.push(error)), controller.signal);
    reanchoring.now();
    await wait(20);
    expect(runs).toHaveLength(1);
    (document.getElementById('side') as Element).textContent = 'Live ticker';
    await wait(250);
    expect(runs).toHaveLength(1);
    (document.getElementById('text') as Element).textContent = 'Lavrov said';
    await wait(250);
    expect(runs).toHaveLength(2);
    controller.abort();
    (document.getElementById('text') as Element).textContent = 'gone';
    await wait(250);
    expect(runs).toHaveLength(2);
    expect(errors).toEqual([]);
  });
});
