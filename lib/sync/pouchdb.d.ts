// PouchDB ships no types; this is the little the code uses (see Pouch in ./engine.ts).
declare module 'pouchdb-browser' {
  const PouchDB: new (name: string, options?: object) => unknown;
  export default PouchDB;
}
declare module 'pouchdb-core' {
  interface PouchStatic {
    new (name: string, options?: object): unknown;
    plugin(plugin: unknown): PouchStatic;
  }
  const PouchDB: PouchStatic;
  export default PouchDB;
}
declare module 'pouchdb-adapter-memory' {
  const plugin: unknown;
  export default plugin;
}
declare module 'pouchdb-replication' {
  const plugin: unknown;
  export default plugin;
}
