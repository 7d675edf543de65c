// What the browser end-to-end tests share: free loopback ports, starting and stopping the
// server jar, Debian's Chromium in fresh persistent profiles (never a downloaded browser), and
// waiting on conditions instead of fixed sleeps.

import { spawn } from 'node:child_process';
import { after, before } from 'node:test';
import { existsSync, mkdirSync, mkdtempSync, openSync, rmSync, symlinkSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
export const webDir = path.resolve(here, '..');
export const artifacts = path.join(webDir, 'e2e-artifacts');
export const jar = process.env.JAM_JAR ?? path.resolve(webDir, '../launcher/target/jam-session.jar');
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--autoplay-policy=no-user-gesture-required',
];

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
export const tid = (id) => `[data-testid="${id}"]`;

export function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.unref();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

/** Polls `fn` until it stops throwing (assertions inside), or rethrows its last error. */
export async function eventually(fn, timeoutMs = 10_000, stepMs = 100) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await fn();
    } catch (e) {
      if (Date.now() > deadline) throw e;
      await sleep(stepMs);
    }
  }
}

export async function waitReady(url, proc, timeoutMs, logName = 'server.log') {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    if (proc && proc.exitCode !== null) throw new Error(`server exited with ${proc.exitCode}; see e2e-artifacts/${logName}`);
    try {
      const res = await fetch(`${url}/ready`);
      if (res.ok) return;
      last = `HTTP ${res.status}`;
    } catch (e) {
      last = String(e.cause?.code ?? e.message);
    }
    await sleep(500);
  }
  throw new Error(`server not ready at ${url} after ${timeoutMs} ms (${last})`);
}

export function requireTools() {
  mkdirSync(artifacts, { recursive: true });
  if (!existsSync(chromiumPath)) {
    throw new Error(`${chromiumPath} not found: install Debian's chromium (apt-get install -y chromium)`);
  }
  if (!existsSync(jar)) throw new Error(`server jar not found: ${jar} (build it, or set JAM_JAR or JAM_URL)`);
}

/**
 * Starts the jar on a free loopback port in a fresh working directory (its caches land there,
 * not in the repository). `scheme` https needs TLS_CERT_FILE/TLS_KEY_FILE in `env`; `ready` is
 * checked over plain fetch, so an https server is checked with its certificate trusted.
 */
export async function startServer({ env = {}, logName = 'server.log', scheme = 'http', port = null } = {}) {
  port ??= await freePort();
  const url = `${scheme}://127.0.0.1:${port}`;
  const log = openSync(path.join(artifacts, logName), 'w');
  const dir = mkdtempSync(path.join(tmpdir(), 'jam-e2e-server-'));
  if (process.env.JAM_E2E_DIST) symlinkSync(path.join(webDir, 'dist'), path.join(dir, 'webroot'));
  const proc = spawn('java', ['-jar', path.resolve(jar)], {
    cwd: dir,
    // Its own Hazelcast port and cluster name: two servers (or other test runs) never meet.
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      CLUSTER_PORT: String(await freePort()),
      CLUSTER_NAME: `jam-e2e-${port}`,
      ...env,
      PORT: String(port),
    },
    stdio: ['ignore', log, log],
  });
  await waitReady(url, proc, 120_000, logName);
  return {
    url,
    port,
    proc,
    async stop() {
      if (proc.exitCode === null) {
        const exited = new Promise((r) => proc.once('exit', r));
        proc.kill('SIGTERM');
        const t = setTimeout(() => proc.kill('SIGKILL'), 15_000);
        await exited;
        clearTimeout(t);
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A phone's browser: 390 px, touch, 2× pixels. */
export const PHONE = { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2 };

/**
 * A server for a room of phones: it listens on loopback only, so the address phones would open is
 * given as PUBLIC_URL (`http://<roomHost>:<port>`, never resolved); it comes back as `publicUrl`.
 */
export async function startRoomServer(roomHost, logName) {
  const port = await freePort();
  const publicUrl = `http://${roomHost}:${port}`;
  const server = await startServer({ port, env: { PUBLIC_URL: publicUrl }, logName });
  return { ...server, publicUrl };
}

/**
 * A test file's room server (see startRoomServer): started before its tests, and stopped after
 * them, once the browsers are closed and `cleanup` has run. Its fields are there from `before` on.
 */
export function roomServerFor(roomHost, logName, cleanup = async () => undefined) {
  const room = {};
  before(async () => {
    requireTools();
    Object.assign(room, await startRoomServer(roomHost, logName));
  });
  after(async () => {
    await closeAll();
    await cleanup();
    await room.stop?.();
  });
  return room;
}

/** Browser profiles made by `launch`, closed and removed by `closeAll`. */
const contexts = [];
const profileDirs = [];

export async function launch(name, options = {}) {
  const dir = mkdtempSync(path.join(tmpdir(), `jam-e2e-${name}-`));
  profileDirs.push(dir);
  const ctx = await chromium.launchPersistentContext(dir, {
    executablePath: chromiumPath,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1280, height: 900 },
    ...options,
  });
  contexts.push(ctx);
  return ctx;
}

export async function closeAll() {
  for (const c of contexts.splice(0)) await c.close().catch(() => undefined);
  for (const d of profileDirs.splice(0)) rmSync(d, { recursive: true, force: true });
}

export async function shot(page, name, opts = {}) {
  await page.screenshot({ path: path.join(artifacts, name), fullPage: true, ...opts });
}

/** The first page of a browser profile, with a longer timeout and its errors printed. */
export async function openPage(ctx, name) {
  const p = ctx.pages()[0] ?? (await ctx.newPage());
  p.setDefaultTimeout(15_000);
  p.on('pageerror', (e) => console.error(`[${name}] page error:`, e.message));
  return p;
}

/** Creates a jam from the welcome screen as `hostName`; returns its code. */
export async function createJam(p, url, hostName) {
  await p.goto(url);
  await p.click(tid('jam-button'));
  await p.fill(tid('create-name'), hostName);
  await p.click(tid('create-submit'));
  await p.waitForSelector(tid('jam-screen'));
  return (await p.textContent(tid('session-code'))).trim();
}
