// Students in the database (table and starter rows: migrations/*/0002_students.sql).
// A student is { id, name, grade }.
const COLUMNS = 'id, name, grade';

export function createStudentRepository(db) {
  return {
    // One page in id order and the total number of students, from one statement (so
    // both come from the same snapshot); a page past the end asks for the count alone.
    async page({ limit, offset }) {
      const rows = await db.all(
        `SELECT (SELECT count(*) FROM students) AS total, ${COLUMNS} FROM students ORDER BY id LIMIT ? OFFSET ?`,
        [limit, offset],
      );
      const { total } = rows[0] ?? (await db.get('SELECT count(*) AS total FROM students'));
      return { count: Number(total), results: rows.map(({ id, name, grade }) => ({ id, name, grade })) };
    },
    async get(id) {
      return (await db.get(`SELECT ${COLUMNS} FROM students WHERE id = ?`, [id])) ?? null;
    },
    async create({ name, grade }) {
      return db.get(`INSERT INTO students (name, grade) VALUES (?, ?) RETURNING ${COLUMNS}`, [name, grade]);
    },
    // Changes the fields given; null when there is no such student.
    async update(id, { name = null, grade = null }) {
      const student = await db.get(
        `UPDATE students SET name = coalesce(?, name), grade = coalesce(?, grade) WHERE id = ? RETURNING ${COLUMNS}`,
        [name, grade, id],
      );
      return student ?? null;
    },
    async remove(id) {
      return (await db.run('DELETE FROM students WHERE id = ?', [id])).changes > 0;
    },
  };
}
