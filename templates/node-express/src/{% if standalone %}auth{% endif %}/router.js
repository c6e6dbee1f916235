// POST /api/auth/token {username, password} -> {token}: the Bearer token writes need.
import { Router } from 'express';
import { z } from 'zod';

import { HttpError, methodNotAllowed } from '../errors.js';
import { parseBody, requireJson } from '../validation.js';

const credential = z.string({ error: (issue) => (issue.input === undefined ? 'Required.' : 'Must be a string.') });
const credentialsSchema = z.object({ username: credential, password: credential });

export function createAuthRouter(users) {
  const router = Router();
  router
    .route('/token')
    .post(requireJson, async (req, res) => {
      const { username, password } = parseBody(credentialsSchema, req.body);
      const user = await users.authenticate(username, password);
      if (!user) throw new HttpError(401, 'invalid_credentials', 'The username or password is wrong.');
      res.set('Cache-Control', 'no-store').json({ token: await users.issueToken(user) });
    })
    .all(methodNotAllowed('POST'));
  return router;
}
