/**
 * What the matcher asks of its lookup tables (word patterns by stem, terms by first word, ...): the lists filed
 * under a key. Compiled, a table is a Map; read back from storage, the plain object that JSON.parse made of it.
 */
export interface LookupTable {
  get(key: string | number): number[] | undefined;
}

/**
 * A stored table as it was parsed. Why not a Map again: the parse builds the object natively, while filling Maps
 * from entries is code run for the first time on every page (the six tables of the built-in pack, some 3,000
 * keys): the matcher's decoding in a fresh page took 12–14 ms with it, 8–10 without. Every value is a list, so a
 * key the object only inherits ("constructor") is none.
 */
function storedTable(record: Record<string, number[]>): LookupTable {
  return {
    get: (key) => {
      const list = record[key];
      return Array.isArray(list) ? list : undefined;
    },
  };
}

/** A compiled table as stored: an object of its keys. */
function tableRecord(table: Map<string | number, number[]>): Record<string, number[]> {
  return Object.fromEntries(table);
}

/** The matcher's lookup tables by name (compileMatcher.ts). */
export const TABLES = [
  'byName',
  'termsByFirstWord',
  'byStem',
  'compoundBySuffix',
  'compoundByPrefix',
  'prefixByStart',
] as const;
export type TableName = (typeof TABLES)[number];

/** Each of a compiled matcher's tables as stored. */
export function tableRecords(
  m: Record<TableName, Map<string | number, number[]>>,
): Record<TableName, Record<string, number[]>> {
  return Object.fromEntries(TABLES.map((t) => [t, tableRecord(m[t])])) as Record<TableName, Record<string, number[]>>;
}

/** Each stored table as the matcher reads it; undefined where one is not an object of keys. */
export function storedTables(d: Record<TableName, unknown>): Record<TableName, LookupTable> | undefined {
  const out: Partial<Record<TableName, LookupTable>> = {};
  for (const t of TABLES) {
    const record = d[t];
    if (!isTableRecord(record)) return undefined;
    out[t] = storedTable(record);
  }
  return out as Record<TableName, LookupTable>;
}

/** Whether a stored value can be a table (an object, not a list). */
const isTableRecord = (v: unknown): v is Record<string, number[]> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
