// The limit: one classic content script that reads its settings from chrome.storage.local once and
// then reads every text node of the page once (TreeWalker, native filter, summing `.data.length`).
// Any gate that decides from the page's text must do at least this.
chrome.storage.local.get('settings', (stored) => {
  if (stored && stored.settings && stored.settings.enabled === false) return;
  const walker = document.createTreeWalker(document.body || document.documentElement, NodeFilter.SHOW_TEXT);
  let length = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) length += node.data.length;
  globalThis.backstoryBenchLimit = length;
});
