// POST /api/auth/token {username, password} -> {token}: the Bearer token writes need.
import { Router } from 'express';
import { rateLimit } from 'express-rate-limit';
import { z } from 'zod';

import { HttpError, methodNotAllowed } from '../errors.js';
import { parseBody, requireJson } from '../validation.js';

const credential = z.string({ error: (issue) => (issue.input === undefined ? 'Required.' : 'Must be a string.') });
const credentialsSchema = z.object({ username: credential, password: credential });

// After `attempts` wrong passwords from one client within `windowMs`, 429 with Retry-After
// until the window passes. Only wrong passwords count (any other answer is given back), so
// people and scripts that log in correctly are never slowed down.
function limitFailedLogins({ attempts, windowMs }) {
  return rateLimit({
    windowMs,
    limit: attempts,
    skipSuccessfulRequests: true,
    requestWasSuccessful: (req, res) => res.statusCode !== 401,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler(req, res, next) {
      next(new HttpError(429, 'too_many_requests', 'Too many failed logins: wait Retry-After seconds.'));
    },
  });
}

export function createAuthRouter(users, loginLimit = { attempts: 5, windowMs: 60_000 }) {
  const router = Router();
  router
    .route('/token')
    .post(limitFailedLogins(loginLimit), requireJson, async (req, res) => {
      const { username, password } = parseBody(credentialsSchema, req.body);
      const user = await users.authenticate(username, password);
      if (!user) throw new HttpError(401, 'invalid_credentials', 'The username or password is wrong.');
      res.set('Cache-Control', 'no-store').json({ token: await users.issueToken(user) });
    })
    .all(methodNotAllowed('POST'));
  return router;
}
