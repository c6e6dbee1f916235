// The one interface routes use, whatever the database:
//   list() -> Student[]            get(id) -> Student | null
//   create({ name, grade }) -> Student
//   update(id, { name?, grade? }) -> Student | null
//   remove(id) -> boolean          close()
// where Student is { id, name, grade }. All methods return promises.
import { openPostgresRepository } from './postgres-repository.js';
import { openSqliteRepository } from './sqlite-repository.js';

// DATABASE_URL (postgres://...) selects PostgreSQL; otherwise a SQLite file is used.
export async function openStudentRepository({ databaseUrl = '', sqliteFile }) {
  if (!databaseUrl) return openSqliteRepository(sqliteFile);
  if (/^postgres(ql)?:\/\//.test(databaseUrl)) return openPostgresRepository(databaseUrl);
  throw new Error('DATABASE_URL must start with postgres:// or postgresql:// (leave it empty for SQLite)');
}
