// Applies the SQL files of migrations/<dialect>/ in name order, each once: every file runs
// in its own transaction together with its row in schema_migrations, so a migration is
// either applied and recorded or not at all. Run by `npm run migrate`.
import { readdir, readFile } from 'node:fs/promises';

const MIGRATIONS = new URL('../../migrations/', import.meta.url);

const CREATE_TABLE = `CREATE TABLE IF NOT EXISTS schema_migrations (
  name TEXT PRIMARY KEY,
  applied_at TEXT NOT NULL
)`;

// The names of the migrations this call applied (none when the database is up to date).
export async function migrate(db, directory = new URL(`${db.dialect}/`, MIGRATIONS)) {
  const files = (await readdir(directory)).filter((file) => file.endsWith('.sql')).sort();
  const applied = [];
  for (const name of files) {
    const sql = await readFile(new URL(name, directory), 'utf8');
    const done = await db.transaction(async (tx) => {
      // Two processes migrating at once take turns (SQLite: BEGIN IMMEDIATE already does).
      if (db.dialect === 'postgres') await tx.run("SELECT pg_advisory_xact_lock(hashtext('schema_migrations'))");
      await tx.exec(CREATE_TABLE);
      if (await tx.get('SELECT name FROM schema_migrations WHERE name = ?', [name])) return false;
      await tx.exec(sql);
      await tx.run('INSERT INTO schema_migrations (name, applied_at) VALUES (?, ?)', [name, new Date().toISOString()]);
      return true;
    });
    if (done) applied.push(name);
  }
  return applied;
}
