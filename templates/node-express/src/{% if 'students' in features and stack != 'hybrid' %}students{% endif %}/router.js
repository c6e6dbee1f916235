import { Router } from 'express';

import { HttpError } from '../errors.js';
import { validateBody } from '../validate.js';
import { parseId, studentPatchSchema, studentSchema } from './schema.js';

export function createStudentsRouter(students) {
  const router = Router();

  router.param('id', (req, res, next, raw) => {
    req.studentId = parseId(raw);
    next(req.studentId === null ? notFound() : undefined);
  });

  router.get('/', async (req, res) => {
    res.json(await students.list());
  });

  router.post('/', validateBody(studentSchema), async (req, res) => {
    const student = await students.create(req.body);
    res.status(201).location(`${req.baseUrl}/${student.id}`).json(student);
  });

  router.get('/:id', async (req, res) => {
    res.json(found(await students.get(req.studentId)));
  });

  router.put('/:id', validateBody(studentSchema), async (req, res) => {
    res.json(found(await students.update(req.studentId, req.body)));
  });

  router.patch('/:id', validateBody(studentPatchSchema), async (req, res) => {
    res.json(found(await students.update(req.studentId, req.body)));
  });

  router.delete('/:id', async (req, res) => {
    if (!(await students.remove(req.studentId))) throw notFound();
    res.status(204).end();
  });

  return router;
}

function notFound() {
  return new HttpError(404, 'Student not found');
}

function found(student) {
  if (!student) throw notFound();
  return student;
}
