/**
 * The part of PouchDB's API the faction sync uses. Declared here rather than
 * taken from @types/pouchdb-*: those declare a global `Buffer` that breaks
 * Node's own type of it everywhere else in the project.
 */
export interface PouchDoc {
  _id: string;
  _rev?: string;
  _deleted?: boolean;
  _conflicts?: string[];
  [field: string]: unknown;
}

export interface PouchWriteResult {
  ok?: boolean;
  id?: string;
  rev?: string;
  error?: unknown;
  message?: string;
}

export interface PouchAllDocsRow {
  id?: string;
  key: string;
  value?: { rev: string; deleted?: boolean };
  doc?: PouchDoc | null;
  error?: string;
}

export interface PouchChange {
  id: string;
  seq: number | string;
  deleted?: boolean;
  doc?: PouchDoc;
}

export interface PouchReplicationInfo {
  status?: string;
  docs_written?: number;
  /** Documents the target did not take (a refusal by its validate_doc_update among them). */
  doc_write_failures?: number;
  /** Each write the target refused: `{ id, name: 'forbidden' | 'unauthorized', message }` for a refusal. */
  errors?: unknown[];
}

export interface ReplicationOptions {
  batch_size?: number;
  batches_limit?: number;
  filter?: (doc: PouchDoc) => boolean;
}

export interface PouchDatabase {
  get(id: string, options?: { rev?: string; conflicts?: boolean }): Promise<PouchDoc>;
  put(doc: PouchDoc): Promise<{ ok: boolean; id: string; rev: string }>;
  bulkDocs(docs: object[]): Promise<PouchWriteResult[]>;
  allDocs(options?: {
    keys?: string[];
    include_docs?: boolean;
    conflicts?: boolean;
    startkey?: string;
    endkey?: string;
  }): Promise<{ rows: PouchAllDocsRow[] }>;
  changes(options: {
    since: number | string;
    limit?: number;
    include_docs?: boolean;
    conflicts?: boolean;
  }): Promise<{ results: PouchChange[]; last_seq: number | string }>;
  /** One-shot replication; `filter` is run on the source's documents. */
  replicate: {
    to(target: PouchDatabase, options?: ReplicationOptions): Promise<PouchReplicationInfo>;
    from(source: PouchDatabase, options?: ReplicationOptions): Promise<PouchReplicationInfo>;
  };
  close(): Promise<void>;
  /** Deletes the database and everything in it (the mirror, when the reader disconnects). */
  destroy(): Promise<unknown>;
}

/** `new PouchDB(name or URL, options)`. */
export type PouchConstructor = new (name: string, options?: Record<string, unknown>) => PouchDatabase;
