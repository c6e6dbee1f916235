import { z } from 'zod';

export const studentSchema = z.strictObject({
  name: z.string().trim().min(1, 'name must not be empty').max(100, 'name must be at most 100 characters'),
  grade: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-F][+-]?$/, 'grade must be a letter A-F, optionally followed by + or -'),
});

export const studentPatchSchema = studentSchema
  .partial()
  .refine((changes) => Object.keys(changes).length > 0, 'send at least one of: name, grade');

// Ids are positive 32-bit integers (PostgreSQL `integer`); anything else cannot exist.
const MAX_ID = 2_147_483_647;

export function parseId(raw) {
  if (!/^[1-9]\d{0,9}$/.test(raw)) return null;
  const id = Number(raw);
  return id <= MAX_ID ? id : null;
}
