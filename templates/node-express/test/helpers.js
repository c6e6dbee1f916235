import http from 'node:http';

// Runs an app on a free 127.0.0.1 port. `attach(server)` may add Socket.IO and return
// an object with close(), which then closes the HTTP server too.
export async function startServer(app, attach) {
  const server = http.createServer(app);
  const attached = attach ? await attach(server) : null;
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    baseUrl: `http://127.0.0.1:${server.address().port}`,
    async close() {
      if (attached) await attached.close();
      else await new Promise((resolve) => server.close(resolve));
    },
  };
}

// One HTTP request. `body` is sent as JSON unless it is a string (sent as is) or
// `contentType` says otherwise; `token` adds `Authorization: Bearer <token>`.
export async function request(baseUrl, method, path, body, { token, contentType, headers = {} } = {}) {
  const init = { method, headers: { ...headers } };
  if (token) init.headers.authorization = `Bearer ${token}`;
  if (body !== undefined) {
    init.headers['content-type'] = contentType ?? 'application/json';
    init.body = typeof body === 'string' || body instanceof Uint8Array ? body : JSON.stringify(body);
  }
  const response = await fetch(baseUrl + path, init);
  const text = await response.text();
  const isJson = response.headers.get('content-type')?.includes('application/json');
  return { status: response.status, headers: response.headers, body: isJson ? JSON.parse(text) : text };
}
