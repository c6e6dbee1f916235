// One place that turns errors into HTTP responses, so routes can just throw. Every error
// has the same body: {"error": {"code", "message", "fields"?}} (docs: README, "Errors").
import { STATUS_CODES } from 'node:http';

export class HttpError extends Error {
  // `fields` maps each offending field or query parameter to a sentence (422 only).
  constructor(status, code, message, fields) {
    super(message);
    this.status = status;
    this.code = code;
    this.fields = fields;
  }
}

export function notFound(req, res, next) {
  next(new HttpError(404, 'not_found', `Nothing at ${req.method} ${req.path}.`));
}

// For route.all(): a path that exists, asked with a method it does not offer.
export function methodNotAllowed(allowed) {
  return (req, res, next) => {
    res.set('Allow', allowed);
    if (req.method === 'OPTIONS') return res.status(204).end();
    next(new HttpError(405, 'method_not_allowed', `${req.path} accepts ${allowed}, not ${req.method}.`));
  };
}

// Express recognises error handlers by their four parameters.
export function errorHandler(error, req, res, next) {
  // A response already under way can only be aborted, which Express does itself.
  if (res.headersSent) return next(error);
  const { status, code, message, fields } = toHttpError(error);
  if (status >= 500) req.log.error({ err: error }, 'unhandled error');
  res.status(status).json({ error: { code, message, ...(fields && { fields }) } });
}

function toHttpError(error) {
  if (error instanceof HttpError) return error;
  // Errors raised by express.json() (body-parser) carry a `type`.
  switch (error.type) {
    case 'entity.parse.failed':
      return new HttpError(400, 'malformed_json', 'The request body is not valid JSON.');
    case 'entity.too.large':
      return new HttpError(413, 'payload_too_large', `The request body is larger than ${error.limit} bytes.`);
    case 'charset.unsupported':
    case 'encoding.unsupported':
      return new HttpError(415, 'unsupported_media_type', 'Send the body as UTF-8 JSON.');
  }
  // A path segment that is not valid percent-encoding names nothing that exists.
  if (error instanceof URIError) return new HttpError(404, 'not_found', 'Nothing at this path.');
  // Other client errors from middleware keep their status; anything else is a bug.
  if (error.status >= 400 && error.status < 500) {
    const reason = STATUS_CODES[error.status] ?? 'Client error';
    return new HttpError(error.status, reason.toLowerCase().replaceAll(' ', '_'), `${reason}.`);
  }
  return new HttpError(500, 'internal', 'Something went wrong on our side.');
}
