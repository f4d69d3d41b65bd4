import { readLocal } from './readLocal';

/**
 * The test switch. Only when the extension's own local storage holds
 * `ratsmarker:testMarks` === true (set by a test through the service worker;
 * no page can write there) does the content script write the test contract
 * `data-ratsmarker-measures` and give its badges and cards inspectable (open)
 * shadow roots. Readers never have it: for them the page learns nothing.
 */
export const TEST_MARKS_KEY = 'ratsmarker:testMarks';

declare global {
  // The switch as read, kept in the content script's own world (which pages cannot reach) rather than in this
  // module: the page extras (entrypoints/extras.ts) are a bundle of their own with their own copy of it.
  var __ratsmarkerTestMarks: boolean | undefined;
}

let loading: Promise<boolean> | undefined;

/** Reads the switch once per page; every later call answers from that reading. */
export function loadTestMarks(
  read: () => Promise<unknown> = () => readLocal([TEST_MARKS_KEY]).then((s) => s[TEST_MARKS_KEY]),
): Promise<boolean> {
  loading ??= read().then(
    (value) => (globalThis.__ratsmarkerTestMarks = value === true),
    () => (globalThis.__ratsmarkerTestMarks = false),
  );
  return loading;
}

/** The switch as read by loadTestMarks (off until then, and off whenever the read failed). */
export function testMarksOn(): boolean {
  return globalThis.__ratsmarkerTestMarks === true;
}

/** For unit tests: forget the reading. */
export function resetTestMarks(): void {
  globalThis.__ratsmarkerTestMarks = undefined;
  loading = undefined;
}

/**
 * Closed on council pages, so the page's scripts cannot reach into badges and
 * cards (`host.shadowRoot` is null for them). Open under the test switch, and
 * in the extension's own pages (the PDF viewer), where no foreign script runs.
 */
export function shadowMode(doc: Document): ShadowRootMode {
  const protocol = doc.location?.protocol ?? '';
  return testMarksOn() || protocol === 'chrome-extension:' || protocol === 'moz-extension:' ? 'open' : 'closed';
}

/** The test contract: which measures matched in a block, as an attribute the e2e suite reads. */
export const MEASURES_ATTRIBUTE = 'data-ratsmarker-measures';

/**
 * Writes (or removes) the measure ids of each block. Everything the page can
 * read passes through here, so that whether it is written at all is decided
 * in one place.
 */
export function writeTestMarks(blocks: Iterable<Element>, idsOf: (block: Element) => ReadonlySet<string>): void {
  // The test contract only: for readers the page must not learn which measures matched.
  if (!testMarksOn()) return;
  for (const block of blocks) {
    const ids = idsOf(block);
    if (ids.size > 0) block.setAttribute(MEASURES_ATTRIBUTE, [...ids].join(' '));
    else block.removeAttribute(MEASURES_ATTRIBUTE);
  }
}
