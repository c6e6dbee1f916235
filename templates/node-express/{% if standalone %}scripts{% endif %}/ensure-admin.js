// npm run ensure-admin: creates the demo user from ADMIN_USERNAME and ADMIN_PASSWORD
// (.env) unless a user of that name exists; an existing user is left exactly as it is.
import { createUserStore, ensureUser } from '../src/auth/users.js';
import { loadConfig, loadEnvFile } from '../src/config.js';
import { openDatabase } from '../src/db/database.js';

loadEnvFile();
const config = loadConfig();
const db = await openDatabase(config);
try {
  const username = config.adminUsername;
  const outcome = await ensureUser(createUserStore(db), { username, password: config.adminPassword });
  console.log(outcome === 'created' ? `Created user ${username}` : `User ${username} exists; left unchanged`);
} finally {
  await db.close();
}
