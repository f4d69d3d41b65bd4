/** User Timing marks around a page's scan (the benchmark and the e2e tests read them). */
export const SCAN_START = 'ratsmarker:scan-start';
export const SCAN_END = 'ratsmarker:scan-end';
