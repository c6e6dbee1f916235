// /api/students: reads are public, writes need a Bearer token (requireUser).
import { Router } from 'express';

import { HttpError, methodNotAllowed } from '../errors.js';
import { parseBody, requireJson } from '../validation.js';
import { parseId, studentPatchSchema, studentSchema } from './schema.js';

export const DEFAULT_LIMIT = 20;
export const MAX_LIMIT = 100;

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

// ?limit=L&offset=O: whole numbers, limit 1-100 (default 20), offset 0 or more (default 0).
export function parsePage(query) {
  const limit = parseCount(query.limit, DEFAULT_LIMIT);
  const offset = parseCount(query.offset, 0);
  const fields = {};
  if (limit === null || limit < 1 || limit > MAX_LIMIT) fields.limit = `Must be a whole number from 1 to ${MAX_LIMIT}.`;
  if (offset === null) fields.offset = 'Must be a whole number, 0 or more.';
  if (Object.keys(fields).length > 0) throw new HttpError(422, 'invalid', 'The query parameters are invalid.', fields);
  return { limit, offset };
}

// Digits only (no sign, no decimals), at most 15 of them: always a safe integer.
function parseCount(value, fallback) {
  if (value === undefined) return fallback;
  return typeof value === 'string' && /^\d{1,15}$/.test(value) ? Number(value) : null;
}

function notFound() {
  return new HttpError(404, 'not_found', 'No student has this id.');
}

function found(student) {
  if (!student) throw notFound();
  return student;
}
