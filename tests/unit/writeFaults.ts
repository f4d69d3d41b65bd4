import type Dexie from 'dexie';
import type { DBCore, DBCoreMutateRequest, Middleware } from 'dexie';

/** Which fault the next writes meet: a full store (as IndexedDB reports it), or none. */
export interface WriteFaults {
  quota: boolean;
}

/**
 * Makes every write of `db` fail as a full disk makes it fail in a browser
 * (a QuotaExceededError from the store) while `faults.quota` is set. Reads
 * go through; registered before the database opens.
 */
export function injectWriteFaults(db: Dexie): WriteFaults {
  const faults: WriteFaults = { quota: false };
  const middleware: Middleware<DBCore> = {
    stack: 'dbcore',
    name: 'testWriteFaults',
    create: (down) => ({
      ...down,
      table: (name) => {
        const table = down.table(name);
        return {
          ...table,
          mutate: (req: DBCoreMutateRequest) =>
            faults.quota
              ? Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError'))
              : table.mutate(req),
        };
      },
    }),
  };
  db.use(middleware);
  return faults;
}
