// Users and their API tokens (tables from migrations/*/0001_users.sql).
// A token is 32 random bytes handed to the client once; the database keeps only its
// SHA-256, and a request's token is found by hashing it the same way.
import { createHash, randomBytes } from 'node:crypto';

import { hashPassword, verifyPassword } from './passwords.js';

const sha256 = (token) => createHash('sha256').update(token).digest('hex');

export function createUserStore(db) {
  // Checked when the username is unknown, so both failures take the same time.
  let decoy;

  return {
    // { id, username }, or null when no user has this name.
    async find(username) {
      return (await db.get('SELECT id, username FROM users WHERE username = ?', [username])) ?? null;
    },

    async create(username, password) {
      return db.get('INSERT INTO users (username, password_hash) VALUES (?, ?) RETURNING id, username', [
        username,
        await hashPassword(password),
      ]);
    },

    // The user, or null when the username or the password is wrong.
    async authenticate(username, password) {
      const row = await db.get('SELECT id, username, password_hash FROM users WHERE username = ?', [username]);
      if (row === undefined) {
        decoy ??= hashPassword('decoy password');
        await verifyPassword(password, await decoy);
        return null;
      }
      return (await verifyPassword(password, row.password_hash)) ? { id: row.id, username: row.username } : null;
    },

    async issueToken(user) {
      const token = randomBytes(32).toString('base64url');
      await db.run('INSERT INTO tokens (token_hash, user_id) VALUES (?, ?)', [sha256(token), user.id]);
      return token;
    },

    // The user a token was issued to, or null.
    async findByToken(token) {
      const user = await db.get(
        'SELECT users.id, users.username FROM tokens JOIN users ON users.id = tokens.user_id WHERE tokens.token_hash = ?',
        [sha256(token)],
      );
      return user ?? null;
    },
  };
}

// Creates the user unless one with this username exists; an existing user (its password
// included) is never changed. Returns 'created' or 'exists'.
export async function ensureUser(users, { username, password }) {
  if (!username || !password) throw new Error('ADMIN_USERNAME and ADMIN_PASSWORD must be set (see .env.example)');
  if (await users.find(username)) return 'exists';
  try {
    await users.create(username, password);
    return 'created';
  } catch (error) {
    // Another process created it between the check and the insert.
    if (await users.find(username)) return 'exists';
    throw error;
  }
}
