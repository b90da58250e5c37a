// The part of mark.js (which ships no types) that the in-page table uses.
declare module 'mark.js' {
  interface MarkOptions {
    acrossElements?: boolean;
    separateWordSearch?: boolean;
    diacritics?: boolean;
    accuracy?: 'partially' | 'complementary' | 'exactly';
    each?: (element: Element) => void;
    done?: (count: number) => void;
  }
  export default class Mark {
    constructor(context: Element | Element[] | NodeList | string);
    mark(keywords: string | string[], options?: MarkOptions): void;
    unmark(options?: { done?: () => void }): void;
  }
}
