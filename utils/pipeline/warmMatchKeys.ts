/** The warm matcher's names (warmMatch.ts), apart from its code: a council page's script needs only these. */

/** The port a page reaches the warm matcher on. */
export const WARM_MATCH_PORT = 'ratsmarker:warm-match';
/** Storage key of the stamp of the packs' snapshot for pages, written with the snapshot. */
export const PAGE_SNAPSHOT_STAMP_KEY = 'pageSnapshotStamp';
/** Storage key: the stamp of the snapshot the warm matcher holds; absent while none runs (pages then match themselves). */
export const WARM_MATCHER_KEY = 'warmMatcher';
