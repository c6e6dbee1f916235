// Logging with pino: one line per request (method, path, status, duration, request id),
// JSON lines with LOG_FORMAT=json, one readable line each otherwise.
import { randomUUID } from 'node:crypto';

import pino from 'pino';
import { pinoHttp } from 'pino-http';
import pretty from 'pino-pretty';

// What a caller may choose as its X-Request-ID: short, printable, nothing that could
// forge a log line. Anything else is replaced by a fresh id.
const SANE_ID = /^[A-Za-z0-9._:-]{1,128}$/;

export function createLogger({ format = 'text', level = 'info', destination } = {}) {
  const options = {
    level,
    base: undefined,
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
  };
  if (format === 'json') return pino(options, destination);
  // The message already says method, path, status and duration; the id follows it.
  const ignore = 'method,path,status,duration_ms';
  return pino(options, pretty({ destination, colorize: false, singleLine: true, ignore }));
}

export function requestId(offered) {
  return typeof offered === 'string' && SANE_ID.test(offered) ? offered : randomUUID().replaceAll('-', '');
}

// The id is taken from X-Request-ID or generated, echoed in the response and bound to
// req.log, so whatever a route logs carries it too.
export function requestLogger(logger) {
  const fields = (req, res, duration) => ({
    method: req.method,
    // Without the query string: queries can carry what logs must not keep.
    path: req.originalUrl.split('?', 1)[0],
    status: res.statusCode,
    duration_ms: duration,
  });
  const message = (req, res, duration) => {
    const { method, path, status } = fields(req, res, duration);
    return `${method} ${path} ${status} ${duration}ms`;
  };
  return pinoHttp({
    logger,
    genReqId(req, res) {
      const id = requestId(req.headers['x-request-id']);
      res.setHeader('X-Request-ID', id);
      return id;
    },
    quietReqLogger: true,
    quietResLogger: true,
    customAttributeKeys: { reqId: 'request_id', responseTime: 'duration_ms' },
    customSuccessObject: (req, res, value) => fields(req, res, value.duration_ms),
    customErrorObject: (req, res, error, value) => ({ ...fields(req, res, value.duration_ms), err: error }),
    customSuccessMessage: (req, res, duration) => message(req, res, duration),
    customErrorMessage: (req, res, error, duration) => message(req, res, duration),
  });
}
