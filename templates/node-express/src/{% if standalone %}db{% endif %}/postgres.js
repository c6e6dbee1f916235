// PostgreSQL through node-postgres (pg), a connection pool per process. Queries use `?`
// placeholders like the SQLite side; each SQL text becomes a named prepared statement,
// parsed once per connection.
import pg from 'pg';

// A calendar date stays the string PostgreSQL sends ('2026-09-01'): pg's default turns it
// into a Date at local midnight, a different day in another time zone.
const DATE = 1082;
const types = {
  getTypeParser: (oid, format) => (oid === DATE ? (value) => value : pg.types.getTypeParser(oid, format)),
};

export async function openPostgres(connectionString) {
  const pool = new pg.Pool({ connectionString, connectionTimeoutMillis: 5000, types });
  // An idle client losing its connection must not crash the process; the pool reconnects.
  pool.on('error', (error) => console.error('PostgreSQL pool error:', error.message));

  const statements = new Map();
  const statement = (sql, values) => {
    let prepared = statements.get(sql);
    if (prepared === undefined) {
      let n = 0;
      prepared = { name: `q${statements.size + 1}`, text: sql.replace(/\?/g, () => `$${++n}`) };
      statements.set(sql, prepared);
    }
    return { ...prepared, values };
  };
  const queries = (client) => ({
    dialect: 'postgres',
    async all(sql, params = []) {
      return (await client.query(statement(sql, params))).rows;
    },
    async get(sql, params = []) {
      return (await client.query(statement(sql, params))).rows[0];
    },
    async run(sql, params = []) {
      return { changes: (await client.query(statement(sql, params))).rowCount };
    },
    async exec(sql) {
      await client.query(sql);
    },
  });

  return {
    ...queries(pool),
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn(queries(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      } finally {
        client.release();
      }
    },
    async ping() {
      await pool.query('SELECT 1');
    },
    async close() {
      await pool.end();
    },
  };
}
