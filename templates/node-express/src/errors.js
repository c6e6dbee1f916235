// One place that turns errors into HTTP responses, so routes can just throw.
import { STATUS_CODES } from 'node:http';

export class HttpError extends Error {
  constructor(status, message, details) {
    super(message);
    this.status = status;
    this.details = details;
  }
}

export function notFound(req, res, next) {
  next(new HttpError(404, `Cannot ${req.method} ${req.path}`));
}

// Express recognises error handlers by their four parameters.
export function errorHandler(error, req, res, next) {
  // A response already under way can only be aborted, which Express does itself.
  if (res.headersSent) return next(error);
  const { status, body } = toResponse(error);
  if (status >= 500) console.error(error);
  res.status(status).json(body);
}

function toResponse(error) {
  if (error instanceof HttpError) {
    return { status: error.status, body: { error: error.message, ...error.details } };
  }
  // Errors raised by express.json() (body-parser) carry a `type`.
  switch (error.type) {
    case 'entity.parse.failed':
      return { status: 400, body: { error: 'Malformed JSON in request body' } };
    case 'entity.too.large':
      return { status: 413, body: { error: `Request body is larger than ${error.limit} bytes` } };
  }
  // Other client errors from middleware (bad encoding, undecodable URL...) keep their
  // status; their message only when marked safe to show. Anything else is a bug.
  if (error.status >= 400 && error.status < 500) {
    return { status: error.status, body: { error: error.expose ? error.message : STATUS_CODES[error.status] } };
  }
  return { status: 500, body: { error: 'Internal Server Error' } };
}
