// mark.js (vendored at bench time as mark.min.js) over the article's people and event names
// (terms.js, written at bench time from the pack's annotations) on the whole body.
/* global Mark, BACKSTORY_BENCH_TERMS */
let count = 0;
new Mark(document.body).mark(BACKSTORY_BENCH_TERMS, {
  acrossElements: true,
  separateWordSearch: false,
  diacritics: false,
  accuracy: 'exactly',
  each: () => void count++,
  done: () => {
    document.documentElement.dataset.benchMarked = String(count);
  },
});
