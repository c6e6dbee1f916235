// Request bodies: JSON only, read by the parser in app.js, then checked with a zod schema.
import { isUtf8 } from 'node:buffer';

import { HttpError } from './errors.js';

// For routes that take a body: anything but JSON is a 415.
export function requireJson(req, res, next) {
  if (!req.is('application/json')) {
    throw new HttpError(415, 'unsupported_media_type', 'Send the body as JSON (Content-Type: application/json).');
  }
  if (req.body === undefined) throw new HttpError(400, 'malformed_json', 'The request body is empty.');
  next();
}

// express.json() `verify`: an empty body or bytes that are not UTF-8 are not JSON
// (the parser would read them as {} and as U+FFFD characters).
export function refuseEmptyOrNotUtf8(req, res, buffer) {
  if (buffer.length === 0) throw new HttpError(400, 'malformed_json', 'The request body is empty.');
  if (!isUtf8(buffer)) throw new HttpError(400, 'malformed_json', 'The request body is not UTF-8.');
}

// The schema's parsed (trimmed) value, or a 422 naming each offending field. A body that
// is not an object at all gets an empty `fields`.
export function parseBody(schema, body) {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  throw new HttpError(422, 'invalid', 'The request body is invalid.', fieldsOf(result.error));
}

export function fieldsOf(error) {
  const fields = {};
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) fields[key] ??= 'Unknown field.';
    } else if (issue.path.length > 0) {
      fields[String(issue.path[0])] ??= issue.message;
    }
  }
  return fields;
}
