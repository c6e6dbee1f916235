import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { createApp } from '../src/app.js';
import { request, startServer } from './helpers.js';

describe('app', () => {
  let server;
  before(async () => {
    server = await startServer(createApp());
  });
  after(() => server.close());

  it('says hello at /', async () => {
    const response = await request(server.baseUrl, 'GET', '/');
    assert.equal(response.status, 200);
    assert.equal(response.body, 'Hello World from Node.js!');
  });

  it('sets security headers', async () => {
    const response = await request(server.baseUrl, 'GET', '/');
    assert.match(response.headers.get('content-security-policy'), /script-src 'self'/);
    assert.equal(response.headers.get('x-powered-by'), null);
  });

  it('answers unknown routes with a JSON 404', async () => {
    const response = await request(server.baseUrl, 'GET', '/nope');
    assert.equal(response.status, 404);
    assert.deepEqual(response.body, { error: 'Cannot GET /nope' });
  });

  it('sends no CORS headers unless origins are configured', async () => {
    const response = await fetch(server.baseUrl, { headers: { origin: 'https://evil.example' } });
    assert.equal(response.headers.get('access-control-allow-origin'), null);
  });
});

describe('app with CORS_ORIGINS', () => {
  it('allows the configured origins', async () => {
    const server = await startServer(createApp({ corsOrigins: ['https://app.example'] }));
    try {
      const allowed = await fetch(server.baseUrl, { headers: { origin: 'https://app.example' } });
      assert.equal(allowed.headers.get('access-control-allow-origin'), 'https://app.example');
      const other = await fetch(server.baseUrl, { headers: { origin: 'https://evil.example' } });
      assert.equal(other.headers.get('access-control-allow-origin'), null);
    } finally {
      await server.close();
    }
  });
});
