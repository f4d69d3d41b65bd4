import { storage } from 'wxt/utils/storage';
import type { SyncHealth, SyncTrigger } from '@/utils/faction/backoff';
import type { FactionReason, FactionSettings } from '@/utils/faction/connection';

/**
 * What the background, the sync host (Chrome's offscreen document, Firefox's
 * background page) and the options page say to each other about the
 * faction sync, and what they keep in the extension's local storage.
 */

/**
 * The reader's faction login, password or token included: kept in the
 * extension's local storage on this device (the options page says so), never
 * synced by the browser; "Trennen" removes it.
 */
export const factionSettingsItem = storage.defineItem<FactionSettings | null>('local:factionSettings', {
  fallback: null,
});

/** A failure as the options page shows it (locales: `factionErr…`). */
export interface FactionProblem {
  reason: FactionReason;
  params: string[];
}

/** How the faction sync stands, for the options page. */
export interface FactionStatus {
  server: string;
  database: string;
  /** The user name entered (absent for a token). */
  login?: string;
  /** The name colleagues see on the reader's notes (and on the reader's changes to theirs). */
  author?: string;
  /** Who the server said the reader is, at the last login that worked. */
  user?: string | null;
  /** The last sync that worked (ISO 8601). */
  lastSync?: string;
  lastAttempt?: string;
  error?: FactionProblem;
  health: SyncHealth;
  /** What the last sync did. */
  last?: { queued: number; sent: number; received: number; conflicts: number };
  /** Changes the server refused at the last sync that had any (kept until another refusal or a new login). */
  refused?: { at: string; notes: Array<{ noteId: string; reason: string }> };
}

export const factionStatusItem = storage.defineItem<FactionStatus | null>('local:factionStatus', { fallback: null });

/** Background → sync host. */
export type FactionHostRequest =
  | { factionHost: 'sync'; settings: FactionSettings; health: SyncHealth; trigger: SyncTrigger }
  | { factionHost: 'forget'; settings: FactionSettings }
  | { factionHost: 'resolve'; settings: FactionSettings; noteId: string; rev: string };

/** Sync host → background: what a sync did, in plain data (it crosses a message). */
export interface FactionHostAnswer {
  health: SyncHealth;
  held: boolean;
  error?: FactionProblem;
  user?: string | null;
  last?: FactionStatus['last'];
  /** This sync's changes the server refused (validate_doc_update), with its reasons. */
  refused?: Array<{ noteId: string; reason: string }>;
}

/** Runs a request in the sync host (Chrome: the offscreen document; Firefox: the background page). */
export type RunHost = (request: FactionHostRequest) => Promise<FactionHostAnswer | null>;

export function isFactionHostRequest(message: unknown): message is FactionHostRequest {
  const kind = (message as { factionHost?: unknown } | null)?.factionHost;
  return kind === 'sync' || kind === 'forget' || kind === 'resolve';
}

/** The pattern the optional host permission is asked for: the faction server's host, nothing else. */
export function serverOriginPattern(serverUrl: string): string {
  const url = new URL(serverUrl);
  // Match patterns take no port (Firefox refuses one); the host is what the permission names.
  return `${url.protocol}//${url.hostname}/*`;
}

/**
 * The host permissions the faction holds (its server's): granted for the
 * sync, not a council site the reader added, so neither listed as one nor
 * read by the content script.
 */
export async function factionServerPatterns(): Promise<string[]> {
  const settings = await factionSettingsItem.getValue().catch(() => null);
  return settings ? [serverOriginPattern(settings.serverUrl)] : [];
}
