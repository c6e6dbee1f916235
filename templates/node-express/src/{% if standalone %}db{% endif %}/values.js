// Column values as the API returns them, read the same from SQLite and PostgreSQL
// (null stays null).

// numeric(10,2) (PostgreSQL: a string; SQLite: a number) → "12.50".
export const decimal = (value) => (value === null ? null : Number(value).toFixed(2));

// boolean (PostgreSQL) or 0/1 (SQLite) → true/false.
export const boolean = (value) => (value === null ? null : Boolean(value));

// timestamptz (PostgreSQL: a Date) or ISO text (SQLite) → "2026-09-01T08:00:00.000Z".
export const instant = (value) => (value === null ? null : new Date(value).toISOString());

// A boolean as a parameter both databases take (node:sqlite binds no booleans before
// Node 24): 1 or 0; null and undefined (not given) stay as they are.
export const flag = (value) => (value == null ? value : Number(value));
