// The database: a SQLite file by default, PostgreSQL when DATABASE_URL is set. Both give
// the same small async interface, so repositories and migrations are written once, with
// `?` placeholders:
//   all(sql, params) -> rows           get(sql, params) -> row | undefined
//   run(sql, params) -> { changes }    exec(sql)  (several statements, no parameters)
//   transaction(async (tx) => ...)     committed unless fn throws; inside, use tx (same
//                                      methods), not the database: that waits for the end
//   ping()                             a trivial query, for GET /healthz
//   close()
//   dialect                            'sqlite' or 'postgres'
import { openPostgres } from './postgres.js';
import { openSqlite } from './sqlite.js';

export async function openDatabase({ databaseUrl = '', sqliteFile = 'data/app.sqlite3' } = {}) {
  if (!databaseUrl) return openSqlite(sqliteFile);
  if (/^postgres(ql)?:\/\//.test(databaseUrl)) return openPostgres(databaseUrl);
  throw new Error('DATABASE_URL must start with postgres:// or postgresql:// (leave it empty for SQLite)');
}

// Which constraint a failed statement broke, the same way on both databases:
// { kind: 'unique', column } (column when the database names it), { kind: 'foreign_key',
// column } (PostgreSQL names it, SQLite does not), or null for any other error.
export function constraintViolation(error) {
  // PostgreSQL: SQLSTATE 23505 / 23503; the detail reads "Key (column)=(value) ...".
  const column = /^Key \(([^)]+)\)=/.exec(error.detail ?? '')?.[1];
  if (error.code === '23505') return { kind: 'unique', column };
  if (error.code === '23503') return { kind: 'foreign_key', column };
  // SQLite: "UNIQUE constraint failed: table.column" / "FOREIGN KEY constraint failed".
  if (error.code !== 'ERR_SQLITE_ERROR') return null;
  const unique = /^UNIQUE constraint failed: \w+\.(\w+)/.exec(error.message);
  if (unique) return { kind: 'unique', column: unique[1] };
  if (error.message.startsWith('FOREIGN KEY constraint failed')) return { kind: 'foreign_key' };
  return null;
}
