import { HttpError } from '../errors.js';

// Lets a request through when it carries `Authorization: Bearer <token>` with a token
// issued by this server; sets req.user. Anything else is a 401.
export function requireToken(users) {
  return async (req, res, next) => {
    const match = /^Bearer +(\S+) *$/i.exec(req.get('authorization') ?? '');
    req.user = match ? await users.findByToken(match[1]) : null;
    if (!req.user) {
      res.set('WWW-Authenticate', 'Bearer');
      throw new HttpError(401, 'unauthorized', 'Send a token from POST /api/auth/token as Authorization: Bearer <token>.');
    }
    next();
  };
}
