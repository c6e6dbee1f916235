// Opens Socket.IO clients in steps and measures broadcast latency at one step.
// usage: SOCKET_IO_CLIENT=/path/to/node_modules/socket.io-client \
//   node socketio_clients.cjs URL STEPS LATENCY_AT MESSAGES TIME_LIMIT_S
// Prints one JSON line per step, then one with the latency figures.
const { io } = require(process.env.SOCKET_IO_CLIENT);

const [url, stepsArg, latencyAtArg, messagesArg, limitArg] = process.argv.slice(2);
const steps = stepsArg.split(',').map(Number);
const latencyAt = Number(latencyAtArg);
const messages = Number(messagesArg);
const deadline = Date.now() + Number(limitArg) * 1000;
const BATCH = 50;

const clients = [];
const sentAt = new Map();
const received = new Map();
const latencies = [];
const print = (value) => process.stdout.write(JSON.stringify(value) + '\n');
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function connectOne() {
  return new Promise((resolve) => {
    const socket = io(url, { transports: ['websocket'], reconnection: false, forceNew: true, timeout: 20000 });
    socket.once('connect', () => resolve(true));
    socket.once('connect_error', () => resolve(false));
    socket.on('message', (message) => {
      const sent = sentAt.get(message.text);
      if (sent === undefined) return;
      latencies.push(Number(process.hrtime.bigint() - sent) / 1e6);
      received.set(message.text, (received.get(message.text) || 0) + 1);
    });
    clients.push(socket);
  });
}

async function grow(target) {
  let failed = 0;
  while (clients.length < target && Date.now() < deadline) {
    const batch = Math.min(BATCH, target - clients.length);
    const results = await Promise.all(Array.from({ length: batch }, connectOne));
    failed += results.filter((ok) => !ok).length;
    if (failed > 0) break;
  }
  return failed;
}

async function measureLatency() {
  for (let i = 0; i < messages; i += 1) {
    const text = `m${i}`;
    sentAt.set(text, process.hrtime.bigint());
    clients[0].emit('message', { name: 'bench', text });
    const until = Date.now() + 5000;
    while ((received.get(text) || 0) < clients.length && Date.now() < until) await sleep(5);
    await sleep(50);
  }
  const sorted = [...latencies].sort((a, b) => a - b);
  const pick = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  print({
    latency_clients: clients.length,
    messages,
    deliveries: sorted.length,
    expected: messages * clients.length,
    p50_ms: pick(0.5),
    p99_ms: pick(0.99),
    max_ms: sorted[sorted.length - 1],
  });
}

(async () => {
  for (const target of steps) {
    const started = Date.now();
    const failed = await grow(target);
    const connected = clients.filter((socket) => socket.connected).length;
    print({ step: target, connected, failed, seconds: (Date.now() - started) / 1000 });
    if (target === latencyAt && connected === target) await measureLatency();
    if (failed > 0 || connected < target || Date.now() >= deadline) break;
    await sleep(500);
  }
  for (const socket of clients) socket.close();
  process.exit(0);
})();
