// Text that arrives after load (single-page apps, "load more"): hands the gate only the new text,
// in batches, so a page that changes all the time costs little. Past a cap on pending changes it
// reads the whole page once instead of each change.

const BATCH_DELAY_MS = 250;
const MAX_PENDING_NODES = 2000;

export function watchAddedText(onText: (text: string) => void): () => void {
  let pending: Node[] = [];
  let overflow = false;
  let timer: ReturnType<typeof setTimeout> | undefined;

  function flush(): void {
    timer = undefined;
    const nodes = pending;
    pending = [];
    if (overflow) {
      overflow = false;
      onText(document.body?.textContent ?? '');
      return;
    }
    for (const node of nodes) {
      if (node.isConnected) onText(node.textContent ?? '');
    }
  }

  const observer = new MutationObserver((records) => {
    for (const record of records) {
      if (record.type === 'characterData') pending.push(record.target);
      else for (const node of record.addedNodes) pending.push(node);
    }
    if (pending.length > MAX_PENDING_NODES) {
      overflow = true;
      pending = [];
    }
    timer ??= setTimeout(flush, BATCH_DELAY_MS);
  });
  observer.observe(document.documentElement, { childList: true, subtree: true, characterData: true });
  return () => {
    observer.disconnect();
    clearTimeout(timer);
  };
}
