// A program written once against the SDK that @hey-api/openapi-ts generates from a stack's
// OpenAPI document (./client): it must type-check against every stack's client and pass
// these contract cases against every running stack (tests/contract/test_api_contract.py).
//   node check.ts BASE_URL USERNAME PASSWORD
import assert from 'node:assert/strict';

import { client } from './client/client.gen.ts';
import {
  createCourse,
  createStudent,
  createTeacher,
  createToken,
  deleteStudent,
  listStudents,
  readCourse,
  readStudent,
  replaceStudent,
  updateStudent,
} from './client/sdk.gen.ts';
import type { Course, CourseInput, Error, Student, StudentInput, StudentPage, StudentPatch, Teacher } from './client/types.gen.ts';

const [baseUrl, username, password] = process.argv.slice(2);
client.setConfig({ baseUrl });

const signedIn = await createToken({ body: { username, password } });
assert.equal(signedIn.response?.status, 200);
client.setConfig({ auth: () => signedIn.data?.token });

const asha: StudentInput = { name: 'Asha', grade: 'A-' };
const created = await createStudent({ body: asha });
assert.equal(created.response?.status, 201);
const student: Student = created.data!;
assert.deepEqual({ name: student.name, grade: student.grade }, asha);

const read = await readStudent({ path: { id: student.id } });
assert.deepEqual(read.data, student);

const patch: StudentPatch = { grade: 'B+' };
assert.equal((await updateStudent({ path: { id: student.id }, body: patch })).data?.grade, 'B+');
assert.equal((await replaceStudent({ path: { id: student.id }, body: asha })).data?.grade, 'A-');

const page: StudentPage | undefined = (await listStudents({ query: { limit: 1, offset: 0 } })).data;
assert.equal(page?.limit, 1);
assert.equal(page?.results.length, 1);

const refused = await createStudent({ body: { name: 'Asha', grade: 'Z' } as unknown as StudentInput });
assert.equal(refused.response?.status, 422);
const invalid: Error | undefined = refused.error;
assert.equal(invalid?.error.code, 'invalid');
assert.ok(invalid?.error.fields && 'grade' in invalid.error.fields);

assert.equal((await deleteStudent({ path: { id: student.id } })).response?.status, 204);
const gone = await readStudent({ path: { id: student.id } });
assert.equal(gone.response?.status, 404);
assert.equal(gone.error?.error.code, 'not_found');

// The added resources: a reference, a decimal sent as a number and answered as a string.
const suffix = String(Date.now());
const teacher: Teacher = (await createTeacher({ body: { name: 'Ada', email: `ada${suffix}@example.com` } })).data!;
const course: CourseInput = {
  title: 'Algebra',
  code: `ALG-${suffix}`,
  credits: 3,
  price: 12.5,
  active: true,
  starts_on: '2026-09-01',
  opens_at: '2026-09-01T11:00:00+02:00',
  teacher_id: teacher.id,
};
const stored: Course = (await createCourse({ body: course })).data!;
const again = (await readCourse({ path: { id: stored.id } })).data!;
assert.equal(again.price, '12.50');
assert.equal(again.teacher_id, teacher.id);
assert.equal(again.summary, null);
console.log('ok');
