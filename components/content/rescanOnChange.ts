import { isBlock } from '@/utils/dom/blocks';

// Pages that fill in their text arrive in bursts; one rescan per burst.
const RESCAN_DELAY_MS = 200;

const isOwnNode = (n: Node | null): boolean => {
  const el = n && (n.nodeType === 1 ? (n as Element) : n.parentElement);
  return !!el?.closest('[data-ratsmarker-ui]');
};

/**
 * Watches the page for changes of its text and hands the changed blocks
 * (outermost only) to `rescan`, once per burst, never for Ratsmarker's own
 * badges and marks. `ready()` says whether the first scan is done: changes
 * during it wait for it, since it may still reach the same passages.
 */
export function rescanOnChange(doc: Document, ready: () => boolean, rescan: (roots: Element[]) => void) {
  const dirty = new Set<Node>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const run = () => {
    timer = undefined;
    if (!ready()) {
      timer = setTimeout(run, RESCAN_DELAY_MS);
      return;
    }
    const roots = new Set<Element>();
    for (const node of dirty) {
      if (!node.isConnected) continue;
      let el = node.nodeType === 1 ? (node as Element) : node.parentElement;
      while (el && !isBlock(el) && el.parentElement && el !== doc.body) el = el.parentElement;
      if (el) roots.add(el);
    }
    dirty.clear();
    rescan([...roots]);
    observer.takeRecords();
  };
  const observer = new MutationObserver((records) => {
    for (const r of records) {
      if (isOwnNode(r.target)) continue;
      const nodes = [...r.addedNodes, ...r.removedNodes];
      if (
        nodes.length > 0 &&
        nodes.every((n) => isOwnNode(n) || (n.nodeType === 1 && (n as Element).hasAttribute('data-ratsmarker-ui')))
      )
        continue;
      dirty.add(r.target);
    }
    if (dirty.size > 0 && timer === undefined) timer = setTimeout(run, RESCAN_DELAY_MS);
  });
  observer.observe(doc.body ?? doc.documentElement, { childList: true, subtree: true, characterData: true });
  return {
    /** Forgets the records of Ratsmarker's own changes (badges, <mark>s). */
    ignoreOwnChanges: () => void observer.takeRecords(),
    stop() {
      observer.disconnect();
      if (timer) clearTimeout(timer);
    },
  };
}
