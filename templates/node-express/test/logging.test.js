import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { after, before, describe, it } from 'node:test';

import { createApp } from '../src/app.js';
import { createLogger, requestId } from '../src/logger.js';
import { request, startServer } from './helpers.js';

// A pino destination that keeps each JSON line, parsed.
function captureLines() {
  const lines = [];
  const destination = new Writable({
    write(chunk, encoding, done) {
      lines.push(...chunk.toString().trim().split('\n').map((line) => JSON.parse(line)));
      done();
    },
  });
  return { lines, destination };
}

describe('request ids and the request log', () => {
  let server;
  let captured;
  before(async () => {
    captured = captureLines();
    const logger = createLogger({ format: 'json', destination: captured.destination });
    server = await startServer(createApp({ logger }));
  });
  after(() => server.close());

  it('generates an id when the request has none, and echoes it', async () => {
    const first = await request(server.baseUrl, 'GET', '/');
    const second = await request(server.baseUrl, 'GET', '/');
    assert.match(first.headers.get('x-request-id'), /^[0-9a-f]{32}$/);
    assert.notEqual(first.headers.get('x-request-id'), second.headers.get('x-request-id'));
  });

  it("keeps the caller's X-Request-ID", async () => {
    const response = await request(server.baseUrl, 'GET', '/nope', undefined, { headers: { 'x-request-id': 'trace-42.a:b' } });
    assert.equal(response.status, 404);
    assert.equal(response.headers.get('x-request-id'), 'trace-42.a:b');
  });

  it('writes one JSON line per request with method, path, status, duration and id', async () => {
    await request(server.baseUrl, 'GET', '/healthz?secret=1', undefined, { headers: { 'x-request-id': 'abc123' } });
    const line = captured.lines.find((entry) => entry.request_id === 'abc123');
    assert.equal(line.method, 'GET');
    assert.equal(line.path, '/healthz'); // never the query string
    assert.equal(line.status, 200);
    assert.equal(typeof line.duration_ms, 'number');
    assert.equal(line.msg, `GET /healthz 200 ${line.duration_ms}ms`);
    assert.equal(captured.lines.filter((entry) => entry.request_id === 'abc123').length, 1);
  });
});

describe('requestId', () => {
  for (const offered of ['a b', 'x'.repeat(129), 'quote"', 'new\nline', '', undefined, ['a', 'b']]) {
    it(`replaces ${JSON.stringify(offered)} with a fresh id`, () => {
      assert.match(requestId(offered), /^[0-9a-f]{32}$/);
    });
  }

  it('keeps a sane one', () => {
    assert.equal(requestId('0f8fad5b-d9cb-469f-a165-70867728950e'), '0f8fad5b-d9cb-469f-a165-70867728950e');
  });
});
