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
