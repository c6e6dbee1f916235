// Socket.IO chat: every valid message is broadcast to every client (io.emit), across
// processes too when REDIS_URL is set.
import { createAdapter } from '@socket.io/redis-adapter';
import { createClient } from 'redis';
import { Server } from 'socket.io';

import { chatMessageSchema } from './schema.js';

// Frames above this are dropped by Socket.IO itself (a valid message is ~2 KB at most).
const MAX_FRAME_BYTES = 16 * 1024;

export async function attachChat(httpServer, { corsOrigins = [], redisUrl = '' } = {}) {
  const io = new Server(httpServer, {
    maxHttpBufferSize: MAX_FRAME_BYTES,
    cors: corsOrigins.length > 0 ? { origin: corsOrigins } : undefined,
  });
  const redis = redisUrl ? await useRedisAdapter(io, redisUrl) : [];

  io.on('connection', (socket) => {
    socket.on('message', (payload, ack) => {
      // Clients that send without an acknowledgement still learn why a message was refused.
      const reply =
        typeof ack === 'function'
          ? ack
          : (result) => {
              if (!result.ok) socket.emit('chat:error', result);
            };
      const parsed = chatMessageSchema.safeParse(payload);
      if (!parsed.success) return reply({ ok: false, error: parsed.error.issues[0].message });
      io.emit('message', { ...parsed.data, sentAt: new Date().toISOString() });
      reply({ ok: true });
    });
  });

  return {
    io,
    async close() {
      await io.close();
      await Promise.all(redis.map((client) => client.close()));
    },
  };
}

async function useRedisAdapter(io, url) {
  const pub = createClient({ url });
  const sub = pub.duplicate();
  for (const client of [pub, sub]) {
    // Without a listener a lost connection would crash the process; the client reconnects.
    client.on('error', (error) => console.error('Redis error:', error.message));
  }
  await Promise.all([pub.connect(), sub.connect()]);
  io.adapter(createAdapter(pub, sub));
  return [pub, sub];
}
