import { readFileSync } from 'node:fs';
import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  connect,
  FactionError,
  type FactionSettings,
  normalizeServerUrl,
  validateSettings,
} from '@/utils/faction/connection';
import { formatMessage } from '@/utils/i18n/messages';
import de from '../../../locales/de.json';
import en from '../../../locales/en.json';
import { startTestCouch, type TestCouch } from './server';

let couch: TestCouch;
beforeAll(async () => {
  couch = await startTestCouch();
}, 30_000);
afterAll(() => couch?.close());

const settings = (over: Partial<FactionSettings> & { user?: string; password?: string } = {}): FactionSettings => ({
  serverUrl: couch.url,
  database: couch.db,
  auth: { kind: 'password', user: over.user ?? 'anna', password: over.password ?? couch.password },
  authorName: 'Anna',
  ...over,
});

async function reasonOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    if (e instanceof FactionError) return e.reason;
    throw e;
  }
  return 'connected';
}

/** A server on 127.0.0.1 for answers PouchDB Server cannot give; closed after the test. */
async function serve(
  handler: Parameters<typeof createHttpServer>[1],
  https = false,
): Promise<{ url: string; server: Server }> {
  const server = https
    ? createHttpsServer(
        {
          cert: readFileSync(new URL('./selfsigned-cert.pem', import.meta.url)),
          key: readFileSync(new URL('./selfsigned-key.pem', import.meta.url)),
        },
        handler,
      )
    : createHttpServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `${https ? 'https' : 'http'}://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

describe('faction settings', () => {
  it('requires HTTPS except for this machine', () => {
    expect(normalizeServerUrl('https://couch.example.de/')).toBe('https://couch.example.de');
    expect(normalizeServerUrl(' https://example.de/couch/ ')).toBe('https://example.de/couch');
    for (const local of ['http://localhost:5984', 'http://127.0.0.1:5984/', 'http://[::1]:5984'])
      expect(normalizeServerUrl(local)).toMatch(/^http:\/\//);
    expect(() => normalizeServerUrl('http://couch.example.de')).toThrow(
      expect.objectContaining({ reason: 'insecure' }),
    );
    expect(() => normalizeServerUrl('http://127.0.0.1.nip.io')).toThrow(
      expect.objectContaining({ reason: 'insecure' }),
    );
    for (const bad of ['couch.example.de', 'ftp://example.de', 'https://user:pw@example.de', 'javascript:alert(1)'])
      expect(() => normalizeServerUrl(bad)).toThrow(expect.objectContaining({ reason: 'invalidUrl' }));
  });

  it('checks the database name and the credentials', () => {
    const base = { serverUrl: 'https://couch.example.de', database: 'fraktion-gruene', user: 'anna', password: 'x' };
    expect(validateSettings(base)).toEqual({
      serverUrl: 'https://couch.example.de',
      database: 'fraktion-gruene',
      auth: { kind: 'password', user: 'anna', password: 'x' },
      authorName: 'anna',
    });
    expect(validateSettings({ ...base, token: ' eyJ ', authorName: ' Anna B. ' })).toMatchObject({
      auth: { kind: 'token', token: 'eyJ' },
      authorName: 'Anna B.',
    });
    expect(() => validateSettings({ ...base, database: 'Fraktion' })).toThrow(
      expect.objectContaining({ reason: 'invalidDatabase' }),
    );
    expect(() => validateSettings({ ...base, database: '_users' })).toThrow(
      expect.objectContaining({ reason: 'invalidDatabase' }),
    );
    expect(() => validateSettings({ ...base, password: '' })).toThrow(
      expect.objectContaining({ reason: 'missingCredentials' }),
    );
    expect(() => validateSettings(42)).toThrow(expect.objectContaining({ reason: 'missingCredentials' }));
  });

  it('has a German and an English sentence for every reason', () => {
    const reasons = [
      'invalidUrl',
      'insecure',
      'invalidDatabase',
      'missingCredentials',
      'unauthorized',
      'forbidden',
      'databaseMissing',
      'unreachable',
      'certificate',
      'notCouchDb',
      'serverError',
    ];
    for (const r of reasons) {
      const e = new FactionError(r as FactionError['reason'], ['X']);
      expect(Object.keys(de)).toContain(e.code);
      expect(Object.keys(en)).toContain(e.code);
      expect(e.message).toBe(formatMessage(e.code, ['X']));
      expect(e.message).not.toContain('factionErr');
    }
  });
});

describe('connecting to the faction’s server', () => {
  it('logs a member in with a session cookie and reaches the database', async () => {
    const session = await connect(settings());
    expect(session.user).toBe('anna');
    const res = await session.fetch(`${session.databaseUrl}/_all_docs`);
    expect(res.status).toBe(200);
  });

  it('says so when the password is wrong', async () => {
    expect(await reasonOf(connect(settings({ password: 'wrong' })))).toBe('unauthorized');
  });

  it('says so when the user is not a member of the database', async () => {
    expect(await reasonOf(connect(settings({ user: 'eve' })))).toBe('forbidden');
  });

  it('says so when the database does not exist', async () => {
    expect(await reasonOf(connect(settings({ database: 'fraktion-geloescht' })))).toBe('databaseMissing');
  });

  it('says so when a token is not accepted (PouchDB Server knows no JWT, so it refuses every token)', async () => {
    const token: FactionSettings = { ...settings(), auth: { kind: 'token', token: 'eyJhbGciOiJIUzI1NiJ9.e30.x' } };
    expect(await reasonOf(connect(token))).toBe('unauthorized');
  });

  it('sends a token as Bearer on every request', async () => {
    const seen: string[] = [];
    const { url, server } = await serve((req, res) => {
      seen.push(`${req.method} ${req.url} ${req.headers.authorization ?? '-'}`);
      res.setHeader('content-type', 'application/json');
      if (req.url === '/') return res.end(JSON.stringify({ couchdb: 'Welcome', version: '3.4.2' }));
      if (req.url === '/_session')
        return res.end(JSON.stringify({ ok: true, userCtx: { name: 'anna', roles: ['fraktion'] } }));
      res.end(JSON.stringify({ db_name: 'fraktion' }));
    });
    try {
      const session = await connect({
        ...settings(),
        serverUrl: url,
        database: 'fraktion',
        auth: { kind: 'token', token: 'T0K' },
      });
      expect(session.user).toBe('anna');
      expect(seen).toEqual(['GET / -', 'GET /_session Bearer T0K', 'GET /fraktion Bearer T0K']);
    } finally {
      server.close();
    }
  });

  it('says the server is unreachable when nothing listens', async () => {
    const { url, server } = await serve(() => {});
    await new Promise((resolve) => server.close(resolve));
    expect(await reasonOf(connect({ ...settings(), serverUrl: url }))).toBe('unreachable');
  });

  it('names a certificate problem', async () => {
    const { url, server } = await serve((_req, res) => res.end('{}'), true);
    try {
      expect(await reasonOf(connect({ ...settings(), serverUrl: url }))).toBe('certificate');
    } finally {
      server.close();
    }
  });

  it('says when the address is not a CouchDB', async () => {
    const { url, server } = await serve((_req, res) => res.end('<html>Ratsinformationssystem</html>'));
    try {
      expect(await reasonOf(connect({ ...settings(), serverUrl: url }))).toBe('notCouchDb');
    } finally {
      server.close();
    }
  });

  it('logs in again when the session has run out', async () => {
    const session = await connect(settings());
    // Ending the session on the server, as its timeout would.
    await session.fetch(`${couch.url}/_session`, { method: 'DELETE' });
    const res = await session.fetch(`${session.databaseUrl}/_all_docs`);
    expect(res.status).toBe(200);
  });
});
