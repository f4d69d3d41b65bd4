import * as v from 'valibot';
import { CodedError } from '../i18n/codedError';

/** What the reader enters under "Fraktion" in the options. */
export interface FactionSettings {
  /** The server's address, without a trailing slash ("https://couch.gruene-duesseldorf.de"). */
  serverUrl: string;
  database: string;
  auth: { kind: 'password'; user: string; password: string } | { kind: 'token'; token: string };
  /** The name colleagues see on the reader's notes. */
  authorName: string;
}

/** Why connecting or syncing failed, in words the options page shows (locales: `factionErr…`). */
export type FactionReason =
  | 'invalidUrl'
  | 'insecure'
  | 'invalidDatabase'
  | 'missingCredentials'
  | 'unauthorized'
  | 'forbidden'
  | 'databaseMissing'
  | 'unreachable'
  | 'certificate'
  | 'notCouchDb'
  | 'serverError';

export class FactionError extends CodedError {
  constructor(
    readonly reason: FactionReason,
    params: readonly string[] = [],
  ) {
    super(`factionErr${reason[0]?.toUpperCase()}${reason.slice(1)}`, params);
    this.name = 'FactionError';
  }
}

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** The server's address as the client uses it; HTTPS unless the server is this machine. */
export function normalizeServerUrl(input: string): string {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    throw new FactionError('invalidUrl', [input.trim()]);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new FactionError('invalidUrl', [input.trim()]);
  if (url.username || url.password || url.search || url.hash) throw new FactionError('invalidUrl', [input.trim()]);
  // Passwords and notes in clear text only between the browser and this machine itself.
  if (url.protocol === 'http:' && !LOCAL_HOSTS.has(url.hostname)) throw new FactionError('insecure', [url.host]);
  return `${url.origin}${url.pathname}`.replace(/\/+$/, '');
}

// CouchDB's rule for database names.
const DATABASE_NAME = /^[a-z][a-z0-9_$()+/-]{0,237}$/;

const SettingsInput = v.object({
  serverUrl: v.string(),
  database: v.string(),
  user: v.optional(v.string(), ''),
  password: v.optional(v.string(), ''),
  token: v.optional(v.string(), ''),
  authorName: v.optional(v.string(), ''),
});

/** Checks what the reader entered; a FactionError names the first problem. */
export function validateSettings(input: unknown): FactionSettings {
  const parsed = v.safeParse(SettingsInput, input);
  if (!parsed.success) throw new FactionError('missingCredentials');
  const { serverUrl, database, user, password, token, authorName } = parsed.output;
  const url = normalizeServerUrl(serverUrl);
  const db = database.trim();
  if (!DATABASE_NAME.test(db)) throw new FactionError('invalidDatabase', [db]);
  const auth: FactionSettings['auth'] | undefined = token.trim()
    ? { kind: 'token', token: token.trim() }
    : user.trim() && password
      ? { kind: 'password', user: user.trim(), password }
      : undefined;
  if (!auth) throw new FactionError('missingCredentials');
  const name = authorName.trim().slice(0, 200) || (auth.kind === 'password' ? auth.user : '');
  return { serverUrl: url, database: db, auth, authorName: name };
}

// Error codes Node's TLS gives for a certificate it does not trust.
const CERTIFICATE_CODES =
  /^(CERT_|UNABLE_TO_(GET|VERIFY)|DEPTH_ZERO_SELF_SIGNED|SELF_SIGNED_CERT|ERR_TLS_CERT|ERR_SSL|HOSTNAME_MISMATCH)/;

/**
 * A request that got no answer: a certificate problem where the runtime says
 * so (Node names the TLS error), the server unreachable otherwise. Browsers
 * report both as the same TypeError, so there the reader gets "unreachable".
 */
export function networkFailure(e: unknown): FactionError {
  for (
    let err = e as { code?: unknown; cause?: unknown; message?: unknown } | undefined, depth = 0;
    err && depth < 5;
    depth++
  ) {
    if (typeof err.code === 'string' && CERTIFICATE_CODES.test(err.code)) return new FactionError('certificate');
    if (typeof err.message === 'string' && /certificate/i.test(err.message)) return new FactionError('certificate');
    err = err.cause as typeof err;
  }
  return new FactionError('unreachable');
}

/** A failed answer of the database as a reason, once the login has been accepted. */
export function statusFailure(status: number): FactionError {
  if (status === 401) return new FactionError('unauthorized');
  if (status === 403) return new FactionError('forbidden');
  if (status === 404) return new FactionError('databaseMissing');
  return new FactionError('serverError', [String(status)]);
}

type Fetch = typeof fetch;

/** A login to the faction's server: requests to it carry the session (cookie) or the token. */
export interface FactionSession {
  settings: FactionSettings;
  databaseUrl: string;
  /** Who the server says the reader is (null: it did not say). */
  user: string | null;
  fetch: Fetch;
  /** Why the last request failed, if it did; PouchDB's own errors say less. */
  lastFailure: FactionError | undefined;
}

async function readJson(res: Response): Promise<unknown> {
  try {
    return await res.json();
  } catch {
    return undefined;
  }
}

/**
 * Logs in and checks the way to the database, each step with its own
 * reason: the server answers (else unreachable or certificate), it is a
 * CouchDB, the name and password or token are accepted, the database exists
 * and the reader may use it.
 */
export async function connect(settings: FactionSettings, baseFetch: Fetch = globalThis.fetch): Promise<FactionSession> {
  const server = settings.serverUrl;
  const databaseUrl = `${server}/${encodeURIComponent(settings.database)}`;
  // Node (tests, scripts) has no cookie jar: the session cookie is kept here.
  // A browser keeps it itself and hides Set-Cookie; `credentials` lets it send it.
  let cookie: string | undefined;
  const session: FactionSession = { settings, databaseUrl, user: null, fetch: authorized, lastFailure: undefined };

  async function send(input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (settings.auth.kind === 'token') headers.set('authorization', `Bearer ${settings.auth.token}`);
    else if (cookie) headers.set('cookie', cookie);
    let res: Response;
    try {
      res = await baseFetch(input, { ...init, headers, credentials: 'include' });
    } catch (e) {
      session.lastFailure = networkFailure(e);
      throw e;
    }
    // CouchDB renews the session cookie on the way.
    const renewed = res.headers.get('set-cookie')?.match(/AuthSession=[^;]*/)?.[0];
    if (renewed) cookie = renewed;
    // PouchDB asks for its replication checkpoints (`_local/…`) expecting a 404 the first time.
    const url = input instanceof Request ? input.url : String(input);
    if (res.status < 400) session.lastFailure = undefined;
    else if (!url.includes('/_local/')) session.lastFailure = statusFailure(res.status);
    return res;
  }

  function failWith(error: FactionError): FactionError {
    session.lastFailure = error;
    return error;
  }

  async function login(): Promise<void> {
    if (settings.auth.kind === 'token') {
      const res = await send(`${server}/_session`);
      const body = (await readJson(res)) as { userCtx?: { name?: unknown } } | undefined;
      const name = body?.userCtx?.name;
      if (!res.ok || typeof name !== 'string') throw failWith(new FactionError('unauthorized'));
      session.user = name;
      return;
    }
    const res = await send(`${server}/_session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ name: settings.auth.user, password: settings.auth.password }),
    });
    if (res.status === 401) throw failWith(new FactionError('unauthorized'));
    if (!res.ok) throw failWith(statusFailure(res.status));
    const body = (await readJson(res)) as { name?: unknown } | undefined;
    session.user = typeof body?.name === 'string' ? body.name : settings.auth.user;
  }

  /** A request with the session; an expired session is renewed once. */
  async function authorized(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
    const res = await send(input, init);
    if (res.status !== 401 || settings.auth.kind === 'token') return res;
    await login();
    return send(input, init);
  }

  let root: Response;
  try {
    root = await baseFetch(`${server}/`, { headers: { accept: 'application/json' } });
  } catch (e) {
    throw networkFailure(e);
  }
  const welcome = (await readJson(root)) as Record<string, unknown> | undefined;
  const isCouch =
    welcome !== undefined &&
    (welcome.couchdb === 'Welcome' ||
      'express-pouchdb' in welcome ||
      // A CouchDB that lets nobody in without a login still answers in its own words.
      (root.status === 401 && welcome.error === 'unauthorized'));
  if (!isCouch) throw new FactionError('notCouchDb', [server]);

  await login();
  const db = await authorized(databaseUrl, { headers: { accept: 'application/json' } });
  if (!db.ok) {
    // Logged in, yet turned away: the reader is not a member (PouchDB Server says 401 there, CouchDB 403).
    throw db.status === 401 || db.status === 403 ? new FactionError('forbidden') : statusFailure(db.status);
  }
  session.lastFailure = undefined;
  return session;
}

/** Logs out of a password session (the token has nothing to end). */
export async function disconnect(session: FactionSession): Promise<void> {
  if (session.settings.auth.kind !== 'password') return;
  try {
    await session.fetch(`${session.settings.serverUrl}/_session`, { method: 'DELETE' });
  } catch {
    // Offline: the cookie runs out on its own.
  }
}
