// npm run migrate: applies the migrations of migrations/<dialect>/ this database has not
// had yet. Safe to run any number of times, and from several processes at once.
import { loadConfig, loadEnvFile } from '../src/config.js';
import { openDatabase } from '../src/db/database.js';
import { migrate } from '../src/db/migrations.js';

loadEnvFile();
const db = await openDatabase(loadConfig());
try {
  const applied = await migrate(db);
  console.log(applied.length > 0 ? `Applied ${applied.join(', ')}` : 'The database is up to date');
} finally {
  await db.close();
}
