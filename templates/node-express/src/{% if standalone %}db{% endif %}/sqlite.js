// SQLite through Node's built-in node:sqlite (native, synchronous, no dependency).
// Statements are prepared once per SQL text and reused.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';

// Writers wait this long for another writer's lock instead of failing at once.
const BUSY_TIMEOUT_MS = 5000;

export function openSqlite(file) {
  if (file !== ':memory:') mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const db = new DatabaseSync(file);
  db.exec(`PRAGMA busy_timeout = ${BUSY_TIMEOUT_MS}`);
  // WAL: readers never block the writer nor the writer them. NORMAL is durable in WAL mode
  // except for the last transactions before a power cut.
  db.exec('PRAGMA journal_mode = WAL');
  db.exec('PRAGMA synchronous = NORMAL');
  db.exec('PRAGMA foreign_keys = ON');

  const statements = new Map();
  const prepare = (sql) => {
    let statement = statements.get(sql);
    if (statement === undefined) {
      statement = db.prepare(sql);
      statements.set(sql, statement);
    }
    return statement;
  };

  // Statements on the one connection, as they are.
  const direct = {
    dialect: 'sqlite',
    // Rows come back with a null prototype; plain objects compare and log like any other.
    async all(sql, params = []) {
      return prepare(sql)
        .all(...params)
        .map((row) => ({ ...row }));
    },
    async get(sql, params = []) {
      const row = prepare(sql).get(...params);
      return row === undefined ? undefined : { ...row };
    },
    async run(sql, params = []) {
      return { changes: Number(prepare(sql).run(...params).changes) };
    },
    async exec(sql) {
      db.exec(sql);
    },
  };

  // One connection serves every request, so while a transaction awaits, other requests'
  // statements wait for it to end instead of slipping into it. (The check and the
  // statement run in one synchronous step: nothing can start in between.)
  let transaction = null;
  const outside =
    (method) =>
    async (...args) => {
      while (transaction) await transaction.catch(() => {});
      return method(...args);
    };

  return {
    dialect: 'sqlite',
    all: outside(direct.all),
    get: outside(direct.get),
    run: outside(direct.run),
    exec: outside(direct.exec),
    // IMMEDIATE takes the write lock at BEGIN, so two processes cannot both read "not
    // done yet" and then both write.
    transaction: outside(async (fn) => {
      transaction = (async () => {
        db.exec('BEGIN IMMEDIATE');
        try {
          const result = await fn(direct);
          db.exec('COMMIT');
          return result;
        } catch (error) {
          db.exec('ROLLBACK');
          throw error;
        }
      })();
      try {
        return await transaction;
      } finally {
        transaction = null;
      }
    }),
    ping: outside(async () => {
      prepare('SELECT 1').get();
    }),
    close: outside(async () => {
      db.close();
    }),
  };
}
