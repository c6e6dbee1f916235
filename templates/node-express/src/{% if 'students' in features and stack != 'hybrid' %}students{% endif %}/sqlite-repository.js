// SQLite through node-sqlite3-wasm: SQLite compiled to WebAssembly, writing a real file,
// so installs need no native build. Its API is synchronous; the repository is async
// to match the PostgreSQL one.
import { mkdirSync } from 'node:fs';
import path from 'node:path';

import sqlite from 'node-sqlite3-wasm';

import { STARTER_STUDENTS } from './starter-data.js';

const COLUMNS = 'id, name, grade';

export function openSqliteRepository(file) {
  mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const db = new sqlite.Database(file);
  db.exec(`CREATE TABLE IF NOT EXISTS students (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT NOT NULL,
    grade TEXT NOT NULL
  )`);
  seed(db);

  return {
    async list() {
      return db.all(`SELECT ${COLUMNS} FROM students ORDER BY id`);
    },
    async get(id) {
      return db.get(`SELECT ${COLUMNS} FROM students WHERE id = ?`, [id]);
    },
    async create({ name, grade }) {
      return db.get(`INSERT INTO students (name, grade) VALUES (?, ?) RETURNING ${COLUMNS}`, [name, grade]);
    },
    async update(id, { name = null, grade = null }) {
      return db.get(
        `UPDATE students SET name = coalesce(?, name), grade = coalesce(?, grade)
         WHERE id = ? RETURNING ${COLUMNS}`,
        [name, grade, id],
      );
    },
    async remove(id) {
      return db.run('DELETE FROM students WHERE id = ?', [id]).changes > 0;
    },
    async close() {
      db.close();
    },
  };
}

function seed(db) {
  // IMMEDIATE takes the write lock first, so two processes cannot both seed.
  db.exec('BEGIN IMMEDIATE');
  try {
    if (db.get('SELECT count(*) AS n FROM students').n === 0) {
      for (const { name, grade } of STARTER_STUDENTS) {
        db.run('INSERT INTO students (name, grade) VALUES (?, ?)', [name, grade]);
      }
    }
    db.exec('COMMIT');
  } catch (error) {
    db.exec('ROLLBACK');
    throw error;
  }
}
