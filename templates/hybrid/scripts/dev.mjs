// `npm run dev`: the backend (Django) and the real-time service (Node) side by side, wired
// to each other, their output prefixed. Ctrl-C stops both; so does either one exiting.
// Ports: BACKEND_PORT (8000) and REALTIME_PORT (3000), from the environment or ./.env.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

try {
  process.loadEnvFile();
} catch (error) {
  if (error.code !== 'ENOENT') throw error;
}

const backendPort = process.env.BACKEND_PORT || '8000';
const realtimePort = process.env.REALTIME_PORT || '3000';
const backendUrl = `http://127.0.0.1:${backendPort}`;
const realtimeUrl = `http://127.0.0.1:${realtimePort}`;

const services = [
  {
    name: 'backend',
    color: 32, // green
    cwd: 'backend',
    command: 'uv',
    args: ['run', 'python', 'manage.py', 'runserver', `127.0.0.1:${backendPort}`],
    env: { REALTIME_URL: realtimeUrl, PYTHONUNBUFFERED: '1' },
  },
  {
    name: 'realtime',
    color: 35, // magenta
    cwd: 'realtime',
    // realtime/'s own `npm run dev` (node --watch on its server, .ts or .js).
    command: 'npm',
    args: ['run', 'dev'],
    env: { PORT: realtimePort, BACKEND_URL: backendUrl },
  },
];
const width = Math.max(...services.map((service) => service.name.length));
const children = services.map(start);
let stopping = false;

console.log(`backend   ${backendUrl}/  (admin: ${backendUrl}/admin/)`);
console.log(`realtime  ${realtimeUrl}/  (chat: ${backendUrl}/chat/ signs you in first)`);

function start({ name, color, cwd, command, args, env }) {
  const label = process.stdout.isTTY ? `\x1b[${color}m${name.padEnd(width)}\x1b[0m |` : `${name.padEnd(width)} |`;
  // Each service in its own process group (not on Windows), so stopping it stops its children
  // too (Django's autoreloader, node --watch).
  const child = spawn(command, args, {
    cwd,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: process.platform !== 'win32',
  });
  for (const stream of [child.stdout, child.stderr]) {
    createInterface({ input: stream }).on('line', (line) => console.log(`${label} ${line}`));
  }
  child.on('error', (error) => {
    console.error(`${label} could not start \`${command}\`: ${error.message}`);
    stop(1);
  });
  child.on('exit', (code, signal) => {
    if (stopping) return;
    console.error(`${label} exited (${signal ?? `code ${code}`}); stopping the other service.`);
    stop(code || 1);
  });
  return child;
}

function stop(exitCode) {
  if (stopping) return;
  stopping = true;
  for (const child of children) signalTree(child, 'SIGTERM');
  // Whatever has not exited after a grace period is killed.
  const timer = setTimeout(() => {
    for (const child of children) signalTree(child, 'SIGKILL');
    process.exit(exitCode);
  }, 5000);
  timer.unref();
  Promise.all(children.map(exited)).then(() => process.exit(exitCode));
}

// The whole group: a service's children may outlive it (e.g. `uv` → python).
function signalTree(child, signal) {
  if (child.pid === undefined) return;
  try {
    if (process.platform === 'win32') child.kill(signal);
    else process.kill(-child.pid, signal);
  } catch (error) {
    if (error.code !== 'ESRCH') throw error; // already gone
  }
}

function exited(child) {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', resolve));
}

process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));
