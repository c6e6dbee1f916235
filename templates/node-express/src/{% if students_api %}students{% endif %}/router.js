// /api/students: reads are public, writes need a Bearer token (requireUser).
import { Router } from 'express';

import { HttpError, methodNotAllowed } from '../errors.js';
import { parseId, parsePage } from '../rest.js';
import { parseBody, requireJson } from '../validation.js';
import { studentPatchSchema, studentSchema } from './schema.js';

export function createStudentsRouter({ students, requireUser }) {
  const router = Router();

  router.param('id', (req, res, next, raw) => {
    req.studentId = parseId(raw);
    next(req.studentId === null ? notFound() : undefined);
  });

  router
    .route('/')
    .get(async (req, res) => {
      const { limit, offset } = parsePage(req.query);
      const { count, results } = await students.page({ limit, offset });
      res.json({ count, limit, offset, results });
    })
    .post(requireUser, requireJson, async (req, res) => {
      const student = await students.create(parseBody(studentSchema, req.body));
      res.status(201).location(`${req.baseUrl}/${student.id}`).json(student);
    })
    .all(methodNotAllowed('GET, POST'));

  router
    .route('/:id')
    .get(async (req, res) => {
      res.json(found(await students.get(req.studentId)));
    })
    .put(requireUser, requireJson, async (req, res) => {
      res.json(found(await students.update(req.studentId, parseBody(studentSchema, req.body))));
    })
    .patch(requireUser, requireJson, async (req, res) => {
      res.json(found(await students.update(req.studentId, parseBody(studentPatchSchema, req.body))));
    })
    .delete(requireUser, async (req, res) => {
      if (!(await students.remove(req.studentId))) throw notFound();
      res.status(204).end();
    })
    .all(methodNotAllowed('GET, PUT, PATCH, DELETE'));

  return router;
}

function notFound() {
  return new HttpError(404, 'not_found', 'No student has this id.');
}

function found(student) {
  if (!student) throw notFound();
  return student;
}
