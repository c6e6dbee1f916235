// The students API's part of the OpenAPI document (src/openapi.js puts the parts together).
import { body, bearer, error, idParameter, json, jsonSchema, query, ref, write } from '../openapi.js';
import { DEFAULT_LIMIT, MAX_LIMIT } from '../rest.js';
import { studentPatchSchema, studentSchema } from './schema.js';

const notFound = { 404: error('No student has this id') };
const student = (description) => ({ description, content: json(ref('Student')) });

export const studentsOpenApi = {
  paths: {
    '/api/students': {
      get: {
        operationId: 'listStudents',
        summary: 'List students, in id order, a page at a time',
        parameters: [
          query('limit', { type: 'integer', minimum: 1, maximum: MAX_LIMIT, default: DEFAULT_LIMIT }, 'Page size'),
          query('offset', { type: 'integer', minimum: 0, default: 0 }, 'Students to skip'),
        ],
        responses: {
          200: { description: 'One page', content: json(ref('StudentPage')) },
          422: error('A query parameter is out of range'),
        },
      },
      post: {
        operationId: 'createStudent',
        summary: 'Create a student',
        security: bearer,
        requestBody: body('StudentInput'),
        responses: { 201: student('Created; `Location` names it'), ...write },
      },
    },
    '/api/students/{id}': {
      parameters: [idParameter],
      get: {
        operationId: 'getStudent',
        summary: 'Read a student',
        responses: { 200: student('The student'), ...notFound },
      },
      put: {
        operationId: 'replaceStudent',
        summary: 'Replace a student',
        security: bearer,
        requestBody: body('StudentInput'),
        responses: { 200: student('Replaced'), ...write, ...notFound },
      },
      patch: {
        operationId: 'updateStudent',
        summary: 'Change some fields of a student',
        security: bearer,
        requestBody: body('StudentPatch'),
        responses: { 200: student('Changed'), ...write, ...notFound },
      },
      delete: {
        operationId: 'deleteStudent',
        summary: 'Delete a student',
        security: bearer,
        responses: { 204: { description: 'Deleted' }, 401: write[401], ...notFound },
      },
    },
  },
  schemas: {
    StudentInput: jsonSchema(studentSchema),
    StudentPatch: jsonSchema(studentPatchSchema),
    Student: {
      type: 'object',
      required: ['id', 'name', 'grade'],
      properties: { id: { type: 'integer' }, name: { type: 'string' }, grade: { type: 'string' } },
    },
    StudentPage: {
      type: 'object',
      required: ['count', 'limit', 'offset', 'results'],
      properties: {
        count: { type: 'integer', description: 'Students in all' },
        limit: { type: 'integer' },
        offset: { type: 'integer' },
        results: { type: 'array', items: ref('Student') },
      },
    },
  },
};
