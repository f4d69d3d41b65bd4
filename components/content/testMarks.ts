/** The test contract: which measures matched in a block, as an attribute the e2e suite reads. */
export const MEASURES_ATTRIBUTE = 'data-ratsmarker-measures';

/**
 * Writes (or removes) the measure ids of each block. Everything the page can
 * read passes through here, so that whether it is written at all is decided
 * in one place.
 */
export function writeTestMarks(blocks: Iterable<Element>, idsOf: (block: Element) => ReadonlySet<string>): void {
  for (const block of blocks) {
    const ids = idsOf(block);
    if (ids.size > 0) block.setAttribute(MEASURES_ATTRIBUTE, [...ids].join(' '));
    else block.removeAttribute(MEASURES_ATTRIBUTE);
  }
}
