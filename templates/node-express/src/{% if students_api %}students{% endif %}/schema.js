// What a student is (docs/api-contract.md): a trimmed name of 1-100 characters and a
// grade from the scale below. Unknown keys, `id` included, are refused.
import { z } from 'zod';

export const GRADES = ['A+', 'A', 'A-', 'B+', 'B', 'B-', 'C+', 'C', 'C-', 'D+', 'D', 'D-', 'F'];
export const MAX_NAME_LENGTH = 100;

const required = (otherwise) => (issue) => (issue.input === undefined ? 'Required.' : otherwise);

// Unicode's White_Space, as Python's str.strip() sees it once control characters are out;
// String.prototype.trim() would also drop U+FEFF, which is not white space.
const SURROUNDING_WHITE_SPACE = /^\p{White_Space}+|\p{White_Space}+$/gu;

const name = z
  .string({ error: required('Must be a string.') })
  // Before trimming, so a tab or newline at either end is refused, not silently dropped.
  .refine((value) => !/\p{Cc}/u.test(value), 'Must not contain control characters.')
  .refine((value) => value.isWellFormed(), 'Must not contain unpaired surrogates.')
  .overwrite((value) => value.replace(SURROUNDING_WHITE_SPACE, ''))
  .refine((value) => value.length > 0, 'Must not be blank.')
  // Characters are code points: an emoji is one, though JavaScript strings count it as two.
  .refine((value) => [...value].length <= MAX_NAME_LENGTH, `Must be at most ${MAX_NAME_LENGTH} characters.`);

const grade = z.enum(GRADES, { error: required(`Must be one of ${GRADES.join(', ')}.`) });

export const studentSchema = z.strictObject({ name, grade });

// PATCH: either field, both or none ({} changes nothing).
export const studentPatchSchema = studentSchema.partial();
