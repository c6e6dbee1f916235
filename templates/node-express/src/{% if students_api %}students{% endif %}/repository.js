// Students in the database (table and starter rows: migrations/*/0002_students.sql).
// A student is { id, name, grade }.
const COLUMNS = 'id, name, grade';

export function createStudentRepository(db) {
  return {
    // One page in id order, and the total number of students.
    async page({ limit, offset }) {
      const [total, results] = await Promise.all([
        db.get('SELECT count(*) AS count FROM students'),
        db.all(`SELECT ${COLUMNS} FROM students ORDER BY id LIMIT ? OFFSET ?`, [limit, offset]),
      ]);
      return { count: Number(total.count), results };
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
