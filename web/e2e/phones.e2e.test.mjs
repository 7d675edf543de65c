// End-to-end on phones, in Debian's Chromium (see harness.mjs): the join link a laptop on
// localhost hands out, the join-first landing at 390 px, the mini-player, covers, the offline
// banner, HTTPS with a self-made certificate, and playback sync under skewed clocks and
// delayed sockets (the figures are printed as SYNC-PHONES lines).
//
// The servers listen on loopback only, so the room's address is given as PUBLIC_URL (how the
// server picks an interface address by itself is PublicUrlTest's). Needs openssl and ffmpeg.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  createJam,
  eventually,
  launch,
  openPage as page,
  PHONE,
  shot,
  sleep,
  roomServerFor,
  startServer,
  tid,
} from './harness.mjs';

const work = mkdtempSync(path.join(tmpdir(), 'jam-e2e-phones-'));
const proxies = [];
const server = roomServerFor('jam-room.test', 'server-phones.log', async () => {
  for (const p of proxies) p.close();
  rmSync(work, { recursive: true, force: true });
});

async function addFirstSong(p) {
  await p.locator(`${tid('add-song')}[data-status="none"]`).first().click();
  await p.waitForSelector(tid('now-playing-title'), { state: 'attached' }); // a phone may show another tab
}

const inViewport = (p, selector) =>
  p.$eval(selector, (e) => {
    const r = e.getBoundingClientRect();
    return r.width > 0 && r.top >= 0 && r.bottom <= window.innerHeight + 0.5;
  });

test('phones join from the QR code of a laptop on localhost', { timeout: 180_000 }, async (t) => {
  const hostCtx = await launch('phones-host');
  const host = await page(hostCtx, 'host');
  await hostCtx.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
  const guestCtx = await launch('phones-guest', PHONE);
  const guest = await page(guestCtx, 'guest');
  let code;

  try {
    await t.test('the QR code and the copied link carry the join URL, not loopback', async () => {
      code = await createJam(host, server.url, 'Ana');
      await addFirstSong(host);
      await host.click(tid('qr-toggle'));
      const expected = `${server.publicUrl}/?code=${code}`;
      await eventually(async () => assert.equal(await host.getAttribute(`${tid('join-qr')} svg`, 'data-text'), expected));
      await host.click(tid('copy-code'));
      await eventually(async () => assert.equal(await host.evaluate(() => navigator.clipboard.readText()), expected));
      assert.doesNotMatch(expected, /127\.0\.0\.1|localhost/);
      await shot(host, 'phones-desktop-light.png');
    });

    await t.test('a phone on the join link sees "Join Ana\'s jam" with one name field and joins with one tap', async () => {
      await guest.goto(`${server.url}/?code=${code}`);
      await eventually(async () => assert.equal(await guest.textContent(tid('landing-title')), "Join Ana's jam"));
      assert.match(await guest.textContent(tid('landing-playing')), /Playing .+ by /);
      const visibleInputs = await guest.$$eval('input', (els) =>
        els.filter((e) => {
          const r = e.getBoundingClientRect();
          return r.width > 0 && r.height > 0 && r.bottom <= window.innerHeight && getComputedStyle(e).visibility !== 'hidden';
        }).length,
      );
      assert.equal(visibleInputs, 2, 'the header search and the one name field'); // no second name field, no code field
      assert.equal(await guest.evaluate(() => document.activeElement?.dataset.testid), 'join-name');
      assert.ok(await inViewport(guest, tid('join-submit')), 'Join is in the first screen');
      await shot(guest, 'phones-landing-390.png', { fullPage: false });
      await guest.keyboard.type('Ben');
      await guest.tap(tid('join-submit'));
      await guest.waitForSelector(tid('jam-screen'));
      const missing = await guestCtx.newPage();
      await missing.goto(`${server.url}/?code=ZZZZZ9`);
      await eventually(async () => assert.equal(await missing.textContent(tid('landing-title')), 'No jam with code ZZZZZ9'));
      await missing.close();
    });

    await t.test('the mini-player stays visible after scrolling the song list', async () => {
      await guest.tap(tid('tab-songs'));
      await guest.waitForSelector(`${tid('song-row')} >> nth=10`);
      await guest.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
      await eventually(async () => assert.ok((await guest.evaluate(() => window.scrollY)) > 500, 'the list scrolled'));
      assert.ok(await inViewport(guest, tid('mini-player')), 'the mini-player is on screen');
      assert.equal(await guest.textContent(tid('mini-title')), await host.textContent(tid('now-playing-title')));
      await guest.tap(tid('tab-queue'));
      // A toast (a guest may not skip: NOT_HOST) never covers the mini-player's controls.
      await guest.tap(tid('next'));
      const toast = guest.locator(`${tid('toast')}[data-code="NOT_HOST"]`);
      await toast.waitFor();
      const [tb, mb] = [await toast.boundingBox(), await guest.locator(tid('mini-player')).boundingBox()];
      assert.ok(tb.y + tb.height <= mb.y, 'the toast sits above the mini-player');
      await shot(guest, 'phones-jam-390-light.png', { fullPage: false });
      await guest.click(tid('theme-toggle'));
      await shot(guest, 'phones-jam-390-dark.png', { fullPage: false });
      await host.click(tid('theme-toggle'));
      await shot(host, 'phones-desktop-dark.png');
    });

    await t.test('covers: shown in now playing, the queue and the song lists; two demo albums differ', async () => {
      await host.locator(`${tid('add-song')}[data-status="none"]`).first().click();
      await host.waitForSelector(tid('queue-item'));
      for (const area of ['now-playing', 'queue', 'song-list']) {
        await eventually(async () =>
          assert.ok(
            await host.$eval(`${tid(area)} img${tid('cover')}`, (img) => img.complete && img.naturalWidth > 0),
            `a loaded cover in ${area}`,
          ),
        );
      }
      const covers = await host.evaluate(async () => {
        const { data } = await (await fetch('/api/songs?limit=100')).json();
        const byAlbum = new Map();
        for (const s of data.songs) if (!byAlbum.has(`${s.artist}/${s.album}`)) byAlbum.set(`${s.artist}/${s.album}`, s.id);
        const [a, b] = [...byAlbum.values()];
        const art = async (id) => (await fetch(`/api/songs/${id}/art`)).text();
        return [await art(a), await art(b)];
      });
      assert.match(covers[0], /^<svg/);
      assert.notEqual(covers[0], covers[1]);
    });

    await t.test('offline: the banner within 3 s, gone when back, the same participant', async () => {
      const me = await guest.getAttribute(tid('jam-screen'), 'data-you');
      const wentOffline = Date.now();
      await guestCtx.setOffline(true);
      await guest.waitForSelector(`${tid('offline-banner')}[role="status"]`, { timeout: 3000 });
      const shownMs = Date.now() - wentOffline;
      assert.ok(await guest.locator(tid('mini-vote-skip')).isDisabled(), 'actions are disabled while offline');
      await shot(guest, 'phones-offline-390.png', { fullPage: false });
      await sleep(4000); // long enough for the probe to give up on the socket too
      const back = Date.now();
      await guestCtx.setOffline(false);
      await guest.waitForSelector(tid('offline-banner'), { state: 'detached', timeout: 15_000 });
      const goneMs = Date.now() - back;
      assert.equal(await guest.getAttribute(tid('jam-screen'), 'data-you'), me);
      console.log(`OFFLINE: banner shown ${shownMs} ms after going offline, gone ${goneMs} ms after coming back`);
    });
  } catch (e) {
    await shot(host, 'failure-phones-host.png').catch(() => undefined);
    await shot(guest, 'failure-phones-guest.png').catch(() => undefined);
    throw e;
  }
});

test('HTTPS with a self-made certificate serves the page, covers and the bridge over wss', { timeout: 180_000 }, async () => {
  const cert = path.join(work, 'cert.pem');
  const key = path.join(work, 'key.pem');
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1',
    '-addext', 'subjectAltName=IP:127.0.0.1,DNS:localhost', '-keyout', key, '-out', cert], { stdio: 'ignore' });
  // A music folder with one file whose tag embeds a picture.
  const music = path.join(work, 'music');
  const cover = path.join(work, 'cover.png');
  execFileSync('mkdir', ['-p', music]);
  execFileSync('ffmpeg', ['-v', 'error', '-y', '-f', 'lavfi', '-i', 'color=c=0xC81E5A:s=64x64', '-frames:v', '1', cover]);
  execFileSync('ffmpeg', ['-v', 'error', '-y', '-f', 'lavfi', '-i', 'sine=frequency=440:duration=20', '-i', cover,
    '-map', '0:a', '-map', '1:v', '-c:a', 'libmp3lame', '-b:a', '64k', '-c:v', 'copy', '-id3v2_version', '3',
    '-metadata', 'title=Covered Song', '-metadata', 'artist=Tag Band', '-metadata', 'album=Pictures',
    '-metadata:s:v', 'comment=Cover (front)', path.join(music, 'covered.mp3')]);
  process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0'; // the readiness check trusts the self-made certificate
  const tls = await startServer({
    scheme: 'https',
    env: { TLS_CERT_FILE: cert, TLS_KEY_FILE: key, MUSIC_DIR: music, CACHE_DIR: path.join(work, 'cache') },
    logName: 'server-https.log',
  });
  delete process.env.NODE_TLS_REJECT_UNAUTHORIZED;
  try {
    const ctx = await launch('phones-https', { ...PHONE, ignoreHTTPSErrors: true });
    const p = await page(ctx, 'https');
    const sockets = [];
    p.on('websocket', (ws) => sockets.push(ws.url()));
    await createJam(p, tls.url, 'Tess');
    assert.equal(new URL(p.url()).protocol, 'https:');
    await eventually(async () => assert.ok(sockets.some((u) => u.startsWith('wss://127.0.0.1')), `bridge over wss (${sockets})`));
    await p.tap(tid('tab-songs'));
    const served = await p.evaluate(async () => {
      const { data } = await (await fetch('/api/songs')).json();
      const song = data.songs.find((s) => s.title === 'Covered Song');
      const res = await fetch(`/api/songs/${song.id}/art`);
      const bytes = new Uint8Array(await res.arrayBuffer());
      return { type: res.headers.get('content-type'), b64: btoa(String.fromCharCode(...bytes)), id: song.id };
    });
    assert.equal(served.type, 'image/png');
    assert.equal(served.b64, readFileSync(cover).toString('base64'), 'the embedded picture, byte for byte');
    await eventually(async () =>
      assert.equal(await p.$eval(`${tid('song-row')}[data-song-id="${served.id}"] img`, (i) => i.naturalWidth), 64),
    );
    await addFirstSong(p);
    await p.tap(tid('tab-queue'));
    await shot(p, 'phones-https-390.png', { fullPage: false });
  } finally {
    await tls.stop();
  }
});

/**
 * A TCP proxy that delays every chunk by 60–150 ms each way, in order, like a slow phone network.
 * It stands in front of the server as a reverse proxy does: the Host of the request it forwards
 * is the server's (so the bridge sees the page's own origin), the rest is passed as it comes.
 */
async function delayingProxy(targetPort) {
  let proxyPort;
  const proxy = createServer({ noDelay: true }, (client) => {
    // No Nagle stalls of its own: the proxy adds only the delays it is told to.
    const upstream = createConnection({ port: targetPort, host: '127.0.0.1', noDelay: true });
    // One queue per direction, drained in order (separate timers per chunk could reorder).
    const pipe = (from, to) => {
      const queue = [];
      let draining = false;
      const drain = () => {
        if (queue.length === 0) {
          draining = false;
          return;
        }
        draining = true;
        const { at, chunk } = queue[0];
        setTimeout(() => {
          queue.shift();
          if (chunk === null) to.end();
          else if (!to.destroyed) to.write(chunk);
          drain();
        }, Math.max(0, at - Date.now()));
      };
      let first = from === client;
      const push = (chunk) => {
        if (first && chunk) {
          first = false; // the WebSocket handshake: one small request, always in the first chunk
          chunk = Buffer.from(chunk.toString('latin1').replace(`Host: 127.0.0.1:${proxyPort}\r\n`, `Host: 127.0.0.1:${targetPort}\r\n`), 'latin1');
        }
        queue.push({ at: Date.now() + 60 + Math.random() * 90, chunk });
        if (!draining) drain();
      };
      from.on('data', push);
      from.on('end', () => push(null));
      from.on('error', () => to.destroy());
      from.on('close', () => queue.length === 0 && !to.destroyed && to.end());
    };
    pipe(client, upstream);
    pipe(upstream, client);
  });
  proxies.push(proxy);
  await new Promise((r) => proxy.listen(0, '127.0.0.1', r));
  proxyPort = proxy.address().port;
  return proxyPort;
}

/**
 * Sends the page's WebSockets (the bridge) through a delaying proxy, as issue 13 describes the
 * slow phone network; the page, its scripts and the audio load straight from the server.
 */
async function delaySockets(ctx, serverPort) {
  const proxyPort = await delayingProxy(serverPort);
  await ctx.addInitScript(
    ({ from, to }) => {
      const Real = window.WebSocket;
      window.WebSocket = class extends Real {
        constructor(url, protocols) {
          super(String(url).replace(from, to), protocols);
        }
      };
    },
    { from: `//127.0.0.1:${serverPort}/`, to: `//127.0.0.1:${proxyPort}/` },
  );
}

/** Shifts the page's clock (Date.now, performance.timeOrigin) by `skewMs`; keeps the real one for the test. */
async function skewClock(ctx, skewMs) {
  await ctx.addInitScript((skew) => {
    const realOrigin = performance.timeOrigin;
    const realDateNow = Date.now.bind(Date);
    window.__realNow = () => realOrigin + performance.now();
    Date.now = () => realDateNow() + skew;
    Object.defineProperty(performance, 'timeOrigin', { get: () => realOrigin + skew });
  }, skewMs);
}

/** Each page's audio position brought to one real instant, and their spread (max − min), ms. */
async function spread(pages) {
  const r = await Promise.all(
    pages.map((p) =>
      p.evaluate(() => {
        const a = document.querySelector('[data-testid="jam-audio"]');
        if (!a) return { ct: 0, at: window.__realNow(), playing: false, rate: 1, drift: NaN }; // still loading
        return {
          ct: a.currentTime * 1000,
          at: window.__realNow(),
          playing: !a.paused && a.readyState >= 3,
          rate: a.playbackRate,
          drift: Number(a.dataset.driftMs ?? NaN),
        };
      }).catch(() => ({ ct: 0, at: 0, playing: false, rate: 1, drift: NaN })), // navigating
    ),
  );
  const ref = Math.max(...r.map((x) => x.at));
  const pos = r.map((x) => x.ct + (ref - x.at) * x.rate);
  const detail = r.map((x, i) => `${(pos[i] - pos[0]).toFixed(0)}ms@${x.rate}(drift ${x.drift})`).join(' ');
  return { spread: Math.max(...pos) - Math.min(...pos), playing: r.every((x) => x.playing), min: Math.min(...pos), detail };
}

/**
 * ms from `since` until every page plays at or past `fromMs` (the new position) within 50 ms of
 * the others for 0.5 s on end; `allPlaying` is when all of them first played at all, and
 * `worstPlaying` the largest spread seen while they all played.
 */
async function convergence(pages, since, fromMs = 0, timeoutMs = 15_000) {
  let firstIn = null;
  let allPlaying = null;
  let worstPlaying = 0;
  let s;
  while (Date.now() - since < timeoutMs) {
    s = await spread(pages);
    if (s.playing) allPlaying ??= Date.now() - since;
    if (s.playing && s.min >= fromMs) worstPlaying = Math.max(worstPlaying, s.spread);
    if (s.playing && s.min >= fromMs && s.spread <= 50) {
      firstIn ??= Date.now();
      if (Date.now() - firstIn >= 500) return { ms: firstIn - since, allPlaying, worstPlaying };
    } else {
      firstIn = null;
    }
    await sleep(40);
  }
  throw new Error(`pages not within 50 ms of each other ${timeoutMs} ms after the change (last: ${s?.detail}, playing ${s?.playing})`);
}

const pct = (xs, q) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))];
const fmt = (xs) => xs.map((x) => x.toFixed(0)).join(', ');

/** A seek as a person makes it: a click on the host's slider at `fraction` of the song; returns the new position. */
async function clickSeek(host, fraction) {
  const slider = host.locator(tid('seek'));
  // The value the click set (once sent, the slider shows the playing position again).
  await slider.evaluate((el) => el.addEventListener('input', () => (window.__seekedTo = Number(el.value)), { once: true }));
  const box = await slider.boundingBox();
  await slider.click({ position: { x: box.width * fraction, y: box.height / 2 } });
  return host.evaluate(() => window.__seekedTo);
}

test('sync with clocks skewed by +2.7 s and −1.3 s and sockets delayed 60–150 ms', { timeout: 300_000 }, async () => {
  const hostCtx = await launch('sync-host');
  await skewClock(hostCtx, 0);
  const host = await page(hostCtx, 'sync-host');
  const guests = [];
  for (const [name, skew] of [['sync-ahead', 2700], ['sync-behind', -1300]]) {
    const ctx = await launch(name, PHONE);
    await skewClock(ctx, skew);
    await delaySockets(ctx, server.port);
    guests.push(await page(ctx, name));
  }
  const pages = [host, ...guests];
  const code = await createJam(host, server.url, 'Sync');
  for (const [i, g] of guests.entries()) {
    await g.goto(`${server.url}/?code=${code}`);
    await g.fill(tid('join-name'), `Guest${i}`);
    await g.click(tid('join-submit'));
    await g.waitForSelector(tid('jam-screen'));
  }
  await addFirstSong(host);
  await eventually(async () => assert.ok((await spread(pages)).playing, 'all three play'), 60_000, 200);
  await sleep(3000); // the guests' clock estimates take their first 17 samples over 3 s

  // Three of each, timed from the host's action to all pages within 50 ms for 0.5 s on end.
  const seeks = [];
  for (const fraction of [0.3, 0.5, 0.4]) {
    const at = Date.now();
    const to = await clickSeek(host, fraction);
    seeks.push((await convergence(pages, at, to)).ms);
  }
  const resumes = [];
  for (let i = 0; i < 3; i++) {
    await host.click(tid('play-pause')); // pause
    await eventually(async () => assert.ok((await Promise.all(pages.map((p) => p.$eval(tid('jam-audio'), (a) => a.paused)))).every(Boolean)));
    const at = Date.now();
    await host.click(tid('play-pause'));
    resumes.push((await convergence(pages, at)).ms);
  }
  // The steady state, some 15 s in (the liveness probe's samples have narrowed the clock
  // estimates): three windows of 30 samples 100 ms apart; the median window counts, so that one
  // audio glitch of a loaded machine (a page losing tens of ms, then catching up) does not
  // decide. A page that is buffering then (readyState below HAVE_FUTURE_DATA) is out of sync:
  // its sample counts as an infinite spread.
  const windows = [];
  let worst = { spread: -1 };
  let buffering = 0;
  for (let w = 0; w < 3; w++) {
    const samples = [];
    for (let i = 0; i < 30; i++) {
      const s = await spread(pages);
      if (!s.playing) buffering++;
      samples.push(s.playing ? s.spread : Number.POSITIVE_INFINITY);
      if (s.playing && s.spread > worst.spread) worst = s;
      await sleep(100);
    }
    windows.push({ median: pct(samples, 0.5), p95: pct(samples, 0.95) });
  }
  console.log(`SYNC-PHONES worst sample: ${worst.spread.toFixed(1)} ms: ${worst.detail}`);
  const med = pct(windows.map((w) => w.median), 0.5);
  const p95 = pct(windows.map((w) => w.p95), 0.5);

  // Each guest's clock estimate against the truth (its skew; all pages share this machine's clock).
  const clockErr = [];
  for (const [i, g] of guests.entries()) {
    const c = await g.evaluate(() => ({ offset: window.__jam.clockOffset(), bound: window.__jam.clockUncertainty() }));
    clockErr.push(`${(c.offset + [2700, -1300][i]).toFixed(1)} ms (bound ±${c.bound.toFixed(0)})`);
  }
  const reloads = [];
  const reloadDetail = [];
  for (let i = 0; i < 3; i++) {
    const at = Date.now();
    await guests[i % 2].reload({ waitUntil: 'commit' });
    const r = await convergence(pages, at);
    reloads.push(r.ms);
    reloadDetail.push(`${r.ms} ms (playing from ${r.allPlaying} ms, at most ${r.worstPlaying.toFixed(0)} ms off)`);
  }
  const [seek, resume, reload] = [pct(seeks, 0.5), pct(resumes, 0.5), pct(reloads, 0.5)];

  console.log(
    `SYNC-PHONES: spread of 3 pages (clock skew 0, +2.7 s, −1.3 s; the guests' WebSockets delayed 60–150 ms each way): ` +
      `median ${med.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms (the median of three windows of 30 samples: ` +
      `${windows.map((w) => `${w.median.toFixed(1)} / ${w.p95.toFixed(1)}`).join(', ')}; ${buffering} with a page buffering); the guests' clock offsets off by ${clockErr.join(' and ')}`,
  );
  console.log(
    `SYNC-PHONES: within 50 ms after a seek ${fmt(seeks)} ms (median ${seek}), after a resume ${fmt(resumes)} ms ` +
      `(median ${resume}), after a reload ${reloadDetail.join('; ')} (median ${reload})`,
  );
  // The targets of issue 13, on the medians of three so that one slow moment of a loaded machine
  // does not decide.
  assert.ok(med <= 20, `spread median ${med.toFixed(1)} ms (≤ 20)`);
  assert.ok(p95 <= 40, `spread p95 ${p95.toFixed(1)} ms (≤ 40)`);
  assert.ok(seek <= 1500, `after a seek ${seek} ms (median; ≤ 1500)`);
  assert.ok(resume <= 1500, `after a resume ${resume} ms (median; ≤ 1500)`);
  assert.ok(reload <= 2000, `after a reload ${reload} ms (median; ≤ 2000)`);
});
