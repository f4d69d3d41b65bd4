/** User Timing marks around a page's scan (the benchmark and the e2e tests read them). */
export const SCAN_START = 'ratsmarker:scan-start';
export const SCAN_END = 'ratsmarker:scan-end';
/** The first scan's highlights and badges in the window are in place (the rest of a long page may follow). */
export const SCAN_VIEW = 'ratsmarker:scan-view';
/** The packs are read from storage and decoded: what every page waits for before its first passage is read. */
export const SCAN_LOADED = 'ratsmarker:scan-loaded';
