// The OpenAPI 3.1 description served at /openapi.json, for client generators, API
// explorers and fuzzers. Request bodies come from the zod schemas the routes validate
// with, so the description cannot drift from what the API accepts.
import { z } from 'zod';

import { DEFAULT_LIMIT, MAX_LIMIT } from './router.js';
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
const body = (schema) => ({ required: true, content: json(ref(schema)) });

const query = (name, schema, description) => ({ name, in: 'query', required: false, schema, description });
const studentId = {
  name: 'id',
  in: 'path',
  required: true,
  schema: { type: 'integer', minimum: 1, maximum: 2_147_483_647 },
};
const bearer = [{ bearer: [] }];
const jsonBody = {
  400: error('The body is not JSON'),
  413: error('The body is larger than 64 KiB'),
  415: error('The body is not application/json'),
};
const write = {
  ...jsonBody,
  401: error('No valid Bearer token'),
  422: error('The body breaks a rule; `fields` says which'),
};
const notFound = { 404: error('No student has this id') };
const student = (description) => ({ description, content: json(ref('Student')) });

export const openApiDocument = {
  openapi: '3.1.0',
  info: { title: 'Students API', version: '0.2.0' },
  paths: {
    '/api/auth/token': {
      post: {
        operationId: 'createToken',
        summary: 'Exchange a username and password for a Bearer token',
        requestBody: body('Credentials'),
        responses: {
          200: { description: 'A token for `Authorization: Bearer …`', content: json(ref('Token')) },
          ...jsonBody,
          401: error('Wrong username or password'),
          422: error('A field is missing or not a string'),
          429: error('Too many failed logins from this client; wait Retry-After seconds'),
        },
      },
    },
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
      parameters: [studentId],
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
  components: {
    securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
    schemas: {
      Credentials: {
        type: 'object',
        required: ['username', 'password'],
        properties: { username: { type: 'string' }, password: { type: 'string' } },
      },
      Token: { type: 'object', required: ['token'], properties: { token: { type: 'string' } } },
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
      Error: {
        type: 'object',
        required: ['error'],
        properties: {
          error: {
            type: 'object',
            required: ['code', 'message'],
            properties: {
              code: { type: 'string', examples: ['invalid', 'not_found', 'unauthorized'] },
              message: { type: 'string' },
              fields: { type: 'object', additionalProperties: { type: 'string' } },
            },
          },
        },
      },
    },
  },
};
