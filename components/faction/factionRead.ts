/**
 * The faction status and the packs shared by default, as stored in the
 * extension's local storage (`factionStatus`, `sharePacks`), read by plain
 * checks: both are written only by the extension itself, and council pages
 * read them too, where the content script carries no schema library (see
 * components/content/readLocal.ts). Anything unreadable counts as not
 * connected, or as no pack.
 */
export interface FactionStatus {
  connected: boolean;
  /** The name the reader is connected as. */
  user?: string;
  /** The name colleagues see (options, "Name, den die Fraktion sieht"). */
  author?: string;
}

export const FACTION_STATUS_KEY = 'factionStatus';
export const SHARE_PACKS_KEY = 'sharePacks';

const MAX_USER = 200;
const MAX_PACK_ID = 300;
const MAX_PACKS = 1_000;

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

function userOf(raw: unknown): string | undefined | false {
  if (raw === undefined || raw === null) return undefined;
  return typeof raw === 'string' && raw.length <= MAX_USER ? raw : false;
}

/**
 * Two shapes are read: `{connected, user}`, and the sync's own status record
 * (`{server, database, user, lastSync, error, …}`, present while a faction is
 * set up, null once the reader leaves it). With a server named, the reader
 * is connected, also while the server is unreachable: notes shared then wait.
 */
export function readFactionStatus(raw: unknown): FactionStatus {
  if (!isRecord(raw)) return { connected: false };
  const user = userOf(raw.user);
  if (user === false) return { connected: false };
  const connected =
    typeof raw.connected === 'boolean' ? raw.connected : typeof raw.server === 'string' && raw.server.length > 0;
  const author = userOf(raw.author);
  return {
    connected,
    ...(user !== undefined ? { user } : {}),
    ...(author ? { author } : {}),
  };
}

/** The stored pack ids; anything unreadable counts as none. */
export function readSharePacks(raw: unknown): string[] {
  if (!Array.isArray(raw) || raw.length > MAX_PACKS) return [];
  return raw.every((id) => typeof id === 'string' && id.length <= MAX_PACK_ID) ? (raw as string[]) : [];
}

/** Whether a new note on a passage starts shared: one of the passage's measures is of a pack shared by default. */
export function sharedByDefault(
  measureIds: readonly string[],
  packOf: (measureId: string) => string | undefined,
  shared: readonly string[],
): boolean {
  return measureIds.some((id) => {
    const pack = packOf(id);
    return pack !== undefined && shared.includes(pack);
  });
}
