// A CouchDB-compatible server for the faction tests: PouchDB Server's
// express-pouchdb over PouchDB's in-memory adapter, in its own process on
// 127.0.0.1. The parent stops and starts its listener (data kept) to show a
// server that goes away and comes back. Started by tests/unit/faction/server.ts.
import { createServer } from 'node:http';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const PouchDB = require('pouchdb-core')
  .plugin(require('pouchdb-adapter-memory'))
  .plugin(require('pouchdb-adapter-http'))
  .plugin(require('pouchdb-replication'))
  .plugin(require('pouchdb-mapreduce'));

const app = require('express-pouchdb')(PouchDB.defaults({ adapter: 'memory' }), {
  mode: 'fullCouchDB',
  inMemoryConfig: true,
  logPath: '/dev/null',
});

// Every request the server was sent ("METHOD /path"), for tests that count them (no retry storm).
const requests = [];
const sockets = new Set();
const server = createServer((req, res) => {
  requests.push(`${req.method} ${req.url}`);
  app(req, res);
});
server.on('connection', (socket) => {
  sockets.add(socket);
  socket.on('close', () => sockets.delete(socket));
});
let port = Number(process.argv[2] ?? 0);

function listen() {
  if (server.listening) return process.send?.({ type: 'listening', port });
  server.listen(port, '127.0.0.1', () => {
    port = server.address().port;
    process.send?.({ type: 'listening', port });
  });
}

process.on('message', (msg) => {
  if (msg === 'stop') {
    server.close(() => process.send?.({ type: 'stopped' }));
    for (const s of sockets) s.destroy();
  } else if (msg === 'start') listen();
  else if (msg === 'requests') process.send?.({ type: 'requests', list: requests });
  else if (msg === 'exit') process.exit(0);
});
process.on('disconnect', () => process.exit(0));
listen();
