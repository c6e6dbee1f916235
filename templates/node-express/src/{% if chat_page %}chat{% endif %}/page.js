import { fileURLToPath } from 'node:url';

import express, { Router } from 'express';

const publicDir = fileURLToPath(new URL('./public', import.meta.url));

// The chat page at /chat and its assets at /chat/*. The Socket.IO client script is
// served by the Socket.IO server itself at /socket.io/socket.io.js.
export function createChatPage() {
  const router = Router();
  router.get('/', (req, res) => res.sendFile('index.html', { root: publicDir }));
  router.use(express.static(publicDir, { index: false, redirect: false }));
  return router;
}
