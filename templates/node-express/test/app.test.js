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

  it('answers unknown paths with a JSON 404', async () => {
    const response = await request(server.baseUrl, 'GET', '/nope');
    assert.equal(response.status, 404);
    assert.equal(response.body.error.code, 'not_found');
    assert.equal(typeof response.body.error.message, 'string');
  });

  it('answers a method a path does not offer with 405 and Allow', async () => {
    const response = await request(server.baseUrl, 'DELETE', '/');
    assert.equal(response.status, 405);
    assert.equal(response.body.error.code, 'method_not_allowed');
    assert.equal(response.headers.get('allow'), 'GET');
  });

  it('is healthy when nothing is checked', async () => {
    const response = await request(server.baseUrl, 'GET', '/healthz');
    assert.equal(response.status, 200);
    assert.deepEqual(response.body, { status: 'ok' });
  });

  it('sends no CORS headers unless origins are configured', async () => {
    const response = await fetch(server.baseUrl, { headers: { origin: 'https://evil.example' } });
    assert.equal(response.headers.get('access-control-allow-origin'), null);
  });
});

describe('GET /healthz', () => {
  it('answers 503 when a check fails', async (t) => {
    t.mock.method(console, 'error', () => {});
    const failing = async () => {
      throw new Error('database is down');
    };
    const server = await startServer(createApp({ healthChecks: [async () => {}, failing] }));
    try {
      const response = await request(server.baseUrl, 'GET', '/healthz');
      assert.equal(response.status, 503);
      assert.deepEqual(response.body, { status: 'unavailable' });
    } finally {
      await server.close();
    }
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
