import { type ChildProcess, fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** JSON as the server answers it, read freely by the tests. */
// biome-ignore lint/suspicious/noExplicitAny: the tests check its shape themselves
export type ServerJson = any;

/**
 * A real CouchDB-compatible server for a test file (PouchDB Server's
 * express-pouchdb, in memory, in a child process on 127.0.0.1 on a free
 * port): an admin, members with the faction's role, one user without it,
 * and the faction's database whose `_security` admits members by role.
 */
export interface TestCouch {
  url: string;
  db: string;
  role: string;
  admin: { name: string; password: string };
  /** Password of every user. */
  password: string;
  /** Stops listening (connections cut); the data stays. */
  stop(): Promise<void>;
  /** Listens again on the same port. */
  start(): Promise<void>;
  /** Ends the server process. */
  close(): Promise<void>;
  /** A request as the admin, straight to the server: what the database really holds. */
  admin_request(method: string, path: string, body?: unknown): Promise<{ status: number; json: ServerJson }>;
  /** Every document of the faction's database (as the admin), by id. */
  allDocs(): Promise<Map<string, ServerJson>>;
  addUser(name: string, roles: string[]): Promise<void>;
  /** Every request the server was sent so far ("METHOD /path"), the admin's included. */
  requests(): Promise<string[]>;
}

const SCRIPT = fileURLToPath(new URL('./couchProcess.mjs', import.meta.url));

function waitFor(child: ChildProcess, type: string): Promise<ServerJson> {
  return new Promise((resolve, reject) => {
    const onMessage = (msg: ServerJson) => {
      if (msg?.type !== type) return;
      child.off('message', onMessage);
      child.off('exit', onExit);
      resolve(msg);
    };
    const onExit = (code: number) => reject(new Error(`test server exited (${code})`));
    child.on('message', onMessage);
    child.once('exit', onExit);
  });
}

export async function startTestCouch({
  db = 'fraktion-test',
  role = 'fraktion',
  members = ['anna', 'bernd'],
  outsiders = ['eve'],
}: {
  db?: string;
  role?: string;
  members?: string[];
  outsiders?: string[];
} = {}): Promise<TestCouch> {
  const child = fork(SCRIPT, ['0'], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  const { port } = await waitFor(child, 'listening');
  const url = `http://127.0.0.1:${port}`;
  const admin = { name: 'admin', password: 'admin-secret' };
  const password = 'member-secret';
  const basic = `Basic ${Buffer.from(`${admin.name}:${admin.password}`).toString('base64')}`;
  const request = async (method: string, path: string, body?: unknown, auth = true) => {
    const res = await fetch(url + path, {
      method,
      headers: { 'content-type': 'application/json', ...(auth ? { authorization: basic } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, json: await res.json() };
  };
  const must = async (method: string, path: string, body?: unknown, auth = true) => {
    const r = await request(method, path, body, auth);
    if (r.status >= 300) throw new Error(`${method} ${path}: ${r.status} ${JSON.stringify(r.json)}`);
    return r;
  };
  const addUser = async (name: string, roles: string[]) => {
    const id = `org.couchdb.user:${name}`;
    await must('PUT', `/_users/${id}`, { _id: id, name, password, roles, type: 'user' });
  };
  // The same steps as the README's curl commands for a faction's CouchDB.
  await must('PUT', '/_config/admins/admin', admin.password, false);
  await must('PUT', `/${db}`);
  await must('PUT', `/${db}/_security`, { admins: { names: [], roles: [] }, members: { names: [], roles: [role] } });
  for (const m of members) await addUser(m, [role]);
  for (const o of outsiders) await addUser(o, []);

  return {
    url,
    db,
    role,
    admin,
    password,
    admin_request: request,
    addUser,
    async stop() {
      const stopped = waitFor(child, 'stopped');
      child.send('stop');
      await stopped;
    },
    async start() {
      const listening = waitFor(child, 'listening');
      child.send('start');
      await listening;
    },
    async requests() {
      const answer = waitFor(child, 'requests');
      child.send('requests');
      return (await answer).list;
    },
    async close() {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.send('exit');
      await exited;
    },
    async allDocs() {
      const r = await must('GET', `/${db}/_all_docs?include_docs=true`);
      return new Map(r.json.rows.map((row: ServerJson) => [row.id, row.doc]));
    },
  };
}
