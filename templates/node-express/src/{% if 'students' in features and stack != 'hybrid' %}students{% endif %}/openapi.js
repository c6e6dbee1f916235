// The OpenAPI 3.1 description served at /openapi.json, for client generators, API
// explorers and fuzzers. Request bodies come from the zod schemas the routes validate
// with, so the description cannot drift from what the API accepts.
import { z } from 'zod';

import { studentPatchSchema, studentSchema } from './schema.js';

// Embedded in an OpenAPI document, a schema takes its dialect from the document.
const jsonSchema = (schema) => {
  const embedded = z.toJSONSchema(schema, { io: 'input' });
  delete embedded.$schema;
  return embedded;
};

const json = (schema) => ({ 'application/json': { schema } });
const ref = (name) => ({ $ref: `#/components/schemas/${name}` });
const error = (description) => ({ description, content: json(ref('Error')) });

const studentId = {
  name: 'id',
  in: 'path',
  required: true,
  schema: { type: 'integer', minimum: 1, maximum: 2_147_483_647 },
};
const badBody = {
  400: error('Malformed JSON, or a body that fails validation (see `issues`)'),
  413: error('JSON body larger than 10 kB'),
};
const notFound = { 404: error('No student has this id') };

export const openApiDocument = {
  openapi: '3.1.0',
  info: { title: 'Students API', version: '0.1.0' },
  paths: {
    '/api/students': {
      get: {
        operationId: 'listStudents',
        summary: 'List students',
        responses: { 200: { description: 'Every student', content: json({ type: 'array', items: ref('Student') }) } },
      },
      post: {
        operationId: 'createStudent',
        summary: 'Create a student',
        requestBody: { required: true, content: json(ref('StudentInput')) },
        responses: { 201: { description: 'Created', content: json(ref('Student')) }, ...badBody },
      },
    },
    '/api/students/{id}': {
      parameters: [studentId],
      get: {
        operationId: 'getStudent',
        summary: 'Read a student',
        responses: { 200: { description: 'The student', content: json(ref('Student')) }, ...notFound },
      },
      put: {
        operationId: 'replaceStudent',
        summary: 'Replace a student',
        requestBody: { required: true, content: json(ref('StudentInput')) },
        responses: { 200: { description: 'Replaced', content: json(ref('Student')) }, ...badBody, ...notFound },
      },
      patch: {
        operationId: 'updateStudent',
        summary: 'Change some fields of a student',
        requestBody: { required: true, content: json(ref('StudentPatch')) },
        responses: { 200: { description: 'Changed', content: json(ref('Student')) }, ...badBody, ...notFound },
      },
      delete: {
        operationId: 'deleteStudent',
        summary: 'Delete a student',
        responses: { 204: { description: 'Deleted' }, ...notFound },
      },
    },
  },
  components: {
    schemas: {
      StudentInput: jsonSchema(studentSchema),
      // The schema's refine() (at least one field) has no JSON Schema form of its own.
      StudentPatch: { ...jsonSchema(studentPatchSchema), minProperties: 1 },
      Student: {
        type: 'object',
        required: ['id', 'name', 'grade'],
        properties: { id: { type: 'integer' }, name: { type: 'string' }, grade: { type: 'string' } },
      },
      Error: {
        type: 'object',
        required: ['error'],
        properties: {
          error: { type: 'string' },
          issues: {
            type: 'array',
            items: {
              type: 'object',
              required: ['path', 'message'],
              properties: { path: { type: 'string' }, message: { type: 'string' } },
            },
          },
        },
      },
    },
  },
};
