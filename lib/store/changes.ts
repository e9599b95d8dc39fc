// Which records a database's writes touched, told as they are written, so
// team sync mirrors only those instead of reading every store to find out.
// It sits under every write path at once (idb's helpers, transactions,
// imports, migrations): the native object-store and cursor writes of this
// JavaScript context are wrapped, once, and reported per database name.

/** One write: a record (`store` + `key`), or a whole store (cleared, or a ranged delete). */
export type StoreWrite = { store: string; key: IDBValidKey } | { store: string; all: true };

type Listener = (write: StoreWrite) => void;

const listeners = new Map<string, Set<Listener>>();
/** Transactions whose writes nobody is told about (sync applying what it pulled). */
const quiet = new WeakSet<IDBTransaction>();
let installed = false;

function keyAt(value: unknown, path: string): IDBValidKey | undefined {
  let at: unknown = value;
  for (const part of path.split('.')) {
    if (typeof at !== 'object' || at === null) return undefined;
    at = (at as Record<string, unknown>)[part];
  }
  return typeof at === 'string' || typeof at === 'number' ? at : undefined;
}

/** Listeners told of every write, quiet ones too (see watchAllWrites). */
const allListeners = new Map<string, Set<Listener>>();

function tell(tx: IDBTransaction | undefined, write: StoreWrite): void {
  if (!tx) return;
  const all = allListeners.get(tx.db.name);
  if (all) for (const listener of all) listener(write);
  if (quiet.has(tx)) return;
  const set = listeners.get(tx.db.name);
  if (!set) return;
  for (const listener of set) listener(write);
}

function install(): void {
  if (installed) return;
  const Store = (globalThis as { IDBObjectStore?: typeof IDBObjectStore }).IDBObjectStore;
  const Cursor = (globalThis as { IDBCursor?: typeof IDBCursor }).IDBCursor;
  if (!Store) return;
  installed = true;
  const proto = Store.prototype;
  const { put, add, delete: remove, clear } = proto;
  const keyed = (store: IDBObjectStore, value: unknown, key: IDBValidKey | undefined): IDBValidKey | undefined =>
    key ?? (typeof store.keyPath === 'string' ? keyAt(value, store.keyPath) : undefined);
  // put and add report the same way: the record's key, given or read at the store's key path.
  const keyedWrite = (write: typeof put) =>
    function (this: IDBObjectStore, value: unknown, key?: IDBValidKey) {
      const request = write.call(this, value, key);
      const k = keyed(this, value, key);
      tell(this.transaction, k === undefined ? { store: this.name, all: true } : { store: this.name, key: k });
      return request;
    };
  proto.put = keyedWrite(put);
  proto.add = keyedWrite(add);
  proto.delete = function (this: IDBObjectStore, query: IDBValidKey | IDBKeyRange) {
    const request = remove.call(this, query);
    tell(this.transaction, typeof query === 'string' || typeof query === 'number' ? { store: this.name, key: query } : { store: this.name, all: true });
    return request;
  };
  proto.clear = function (this: IDBObjectStore) {
    const request = clear.call(this);
    tell(this.transaction, { store: this.name, all: true });
    return request;
  };
  if (Cursor) {
    // A cursor writes the record it stands on: its primary key, whether it walks the store or an index.
    const storeOf = (cursor: IDBCursor): IDBObjectStore => {
      const source = cursor.source as IDBObjectStore | IDBIndex;
      return 'objectStore' in source ? source.objectStore : source;
    };
    const { update, delete: removeHere } = Cursor.prototype;
    Cursor.prototype.update = function (this: IDBCursor, value: unknown) {
      const store = storeOf(this);
      const key = this.primaryKey;
      const request = update.call(this, value);
      tell(store.transaction, { store: store.name, key });
      return request;
    };
    Cursor.prototype.delete = function (this: IDBCursor) {
      const store = storeOf(this);
      const key = this.primaryKey;
      const request = removeHere.call(this);
      tell(store.transaction, { store: store.name, key });
      return request;
    };
  }
}

function subscribe(into: Map<string, Set<Listener>>, dbName: string, listener: Listener): () => void {
  install();
  let set = into.get(dbName);
  if (!set) into.set(dbName, (set = new Set()));
  set.add(listener);
  return () => void set.delete(listener);
}

/** Calls `listener` with every write to the database named `dbName` made in this context; returns the unsubscribe. */
export function watchWrites(dbName: string, listener: Listener): () => void {
  return subscribe(listeners, dbName, listener);
}

/**
 * Like watchWrites, but told of quiet writes too (what sync applies): for
 * caches that must know of every change to a store, whoever made it.
 */
export function watchAllWrites(dbName: string, listener: Listener): () => void {
  return subscribe(allListeners, dbName, listener);
}

/** The writes of this transaction are not told (accepts idb's wrapper: it unwraps to the native one). */
export function writeQuietly(tx: IDBTransaction): void {
  quiet.add(tx);
}
