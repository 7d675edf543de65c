// End-to-end: party rules, reactions and the big screen (PROTOCOL §11, §12) in Debian's
// Chromium against the real server (see harness.mjs). A host on a laptop, two phone guests and a
// TV page at 1920×1080 (/tv?code=…, which watches the jam and is never a participant):
//
// - the host sets a per-person limit, a fair queue and a blocked genre, each explained in words;
// - a guest over the limit, and one adding a blocked genre, get the refusal in a toast, in the
//   server's words; the fair queue interleaves the two guests; the hint says whose turn is next;
// - the TV shows the join QR code (the PUBLIC_URL link), the code, what plays and the next five with
//   who added them and their score; a reaction tapped on a phone floats up on it within 1 s
//   (prints REACTION: …); a phone past ten reactions in 10 s rests its row without an error;
//   reactions switched off hide the row; the TV plays audio only with "play here too", and
//   comes back after a reload and after going offline (a vote made meanwhile shows);
// - screenshots party-tv-1920.png (with reactions floating), party-tv-1920-after-reload.png,
//   party-host-settings.png and party-phone-390.png in e2e-artifacts/.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  createJam,
  eventually,
  launch,
  openPage,
  PHONE,
  shot,
  roomServerFor,
  tid,
} from './harness.mjs';

const TV = { viewport: { width: 1920, height: 1080 } };
const LIMIT = 3;
const server = roomServerFor('jam-party.test', 'server-party.log');

/** The first 20 songs, as the song panel lists them, and one genre to block among them. */
async function pickSongs() {
  const { data } = await (await fetch(`${server.url}/api/songs?limit=20&offset=0`)).json();
  const counts = new Map();
  for (const s of data.songs) counts.set(s.genre, (counts.get(s.genre) ?? 0) + 1);
  // The rarest genre is blocked: the others leave enough songs for everyone.
  const [blocked] = [...counts.entries()].sort((a, b) => a[1] - b[1])[0];
  // The host plays the longest, so that it still plays when the test ends; the guests add the rest.
  const [hostSong, ...allowed] = data.songs.filter((s) => s.genre !== blocked).sort((a, b) => b.durationMs - a.durationMs);
  assert.ok(allowed.length >= 2 * LIMIT + 1, `enough songs outside ${blocked}`);
  return { blocked, blockedSong: data.songs.find((s) => s.genre === blocked), hostSong, allowed };
}

const addButton = (songId) => `${tid('song-list')} ${tid('song-row')}[data-song-id="${songId}"] ${tid('add-song')}`;
const queueAdders = (p) => p.$$eval(tid('queue-item'), (els) => els.map((e) => e.dataset.addedBy));
const queueSongs = (p, item = 'queue-item') => p.$$eval(tid(item), (els) => els.map((e) => e.dataset.songId));
const toastWith = (p, code) => p.locator(`${tid('toast')}[data-code="${code}"]`);

async function joinAsGuest(p, code, name) {
  await p.goto(`${server.url}/?code=${code}`);
  await p.fill(tid('join-name'), name);
  await p.tap(tid('join-submit'));
  await p.waitForSelector(tid('jam-screen'));
  return p.getAttribute(tid('jam-screen'), 'data-you');
}

/** A phone adds a song from its "Add songs" tab and waits until it is queued. */
async function add(p, songId) {
  await p.tap(tid('tab-songs'));
  await p.tap(addButton(songId));
}

test('party rules, reactions and the big screen', { timeout: 300_000 }, async (t) => {
  const hostCtx = await launch('party-host');
  const host = await openPage(hostCtx, 'host');
  const phones = [await launch('party-gus', PHONE), await launch('party-gia', PHONE)];
  const [gus, gia] = [await openPage(phones[0], 'gus'), await openPage(phones[1], 'gia')];
  const tvCtx = await launch('party-tv', TV);
  // When each reaction appeared on the TV (the page's clock is the machine's, as the phone's is).
  await tvCtx.addInitScript(() => {
    window.__reactionsSeen = [];
    new MutationObserver((records) => {
      for (const r of records) {
        for (const n of r.addedNodes) {
          if (n.dataset?.testid === 'reaction-float') window.__reactionsSeen.push({ at: Date.now(), name: n.dataset.name, emoji: n.dataset.emoji });
        }
      }
    }).observe(document, { childList: true, subtree: true });
  });
  const tv = await openPage(tvCtx, 'tv');
  const songs = await pickSongs();
  let code;
  let ids;

  try {
    await t.test('the host sets the rules, each explained in words', async () => {
      code = await createJam(host, server.url, 'Ana');
      await host.click(`${tid('settings-panel')} summary`);
      await host.fill(tid('setting-maxSongsPerPerson'), String(LIMIT));
      assert.equal(await host.textContent(tid('setting-maxSongsPerPerson-note')), `Each person can have at most ${LIMIT} songs waiting.`);
      await host.fill(tid('setting-maxSongDurationMs'), '0.2');
      assert.match(await host.textContent(tid('setting-maxSongDurationMs-note')), /0 for no limit, or from 0\.5 to 60 minutes/);
      assert.ok(await host.locator(tid('save-settings')).isDisabled(), 'an invalid form is not sent');
      await host.fill(tid('setting-maxSongDurationMs'), '0');
      await host.fill(tid('setting-blockedGenres'), `${songs.blocked}, `);
      assert.equal(await host.textContent(tid('setting-blockedGenres-note')), `${songs.blocked} songs can't be added.`);
      await host.check(tid('setting-fairQueue'));
      assert.match(await host.textContent(tid('setting-fairQueue-note')), /take turns by who added them/);
      await host.selectOption(tid('setting-mood'), 'chill');
      assert.equal(await host.textContent(tid('setting-mood-note')), 'Mood: Chill. Autofill and AI picks keep to it.');
      await host.click(tid('save-settings'));
      await eventually(async () => assert.ok((await host.locator(tid('toast')).allTextContents()).some((x) => /Settings saved/.test(x))));
      await host.evaluate(() => window.scrollTo(0, 0));
      await shot(host, 'party-host-settings.png');
      // The host's song starts at once; the TV opens from the host's button.
      await host.click(addButton(songs.hostSong.id));
      await host.waitForSelector(tid('now-playing-title'));
      assert.equal(await host.getAttribute(tid('show-on-tv'), 'href'), `/tv?code=${code}`);
      const [popup] = await Promise.all([hostCtx.waitForEvent('page'), host.click(tid('show-on-tv'))]);
      await popup.waitForSelector(tid('tv-code'));
      assert.equal(new URL(popup.url()).pathname, '/tv');
      await popup.close();
      await tv.goto(`${server.url}/tv?code=${code}`);
      await tv.waitForSelector(tid('tv-title'));
    });

    await t.test('two phone guests: over the limit and a blocked genre are refused in the server\'s words', async () => {
      ids = { ana: await host.getAttribute(tid('jam-screen'), 'data-you') };
      ids.gus = await joinAsGuest(gus, code, 'Gus');
      ids.gia = await joinAsGuest(gia, code, 'Gia');
      await gus.tap(tid('tab-songs'));
      assert.match(await gus.textContent(tid('house-rules')), new RegExp(`at most ${LIMIT} songs waiting`));
      assert.equal(await gus.getAttribute(tid('jam-mood'), 'data-mood'), 'chill'); // the host's mood, shown to guests
      const mine = { gus: songs.allowed.slice(0, LIMIT), gia: songs.allowed.slice(LIMIT, 2 * LIMIT) };
      // The genre is checked after the person's limit: Gia tries it while she has room.
      await add(gia, songs.blockedSong.id);
      const blocked = toastWith(gia, 'NOT_ALLOWED');
      await blocked.waitFor();
      const blockedText = await blocked.textContent();
      assert.ok(blockedText.toLowerCase().includes(songs.blocked.toLowerCase()), `the genre is named: ${blockedText}`);
      for (let i = 0; i < LIMIT; i++) {
        for (const [p, who] of [[gus, 'gus'], [gia, 'gia']]) {
          await add(p, mine[who][i].id);
          await p.waitForSelector(`${addButton(mine[who][i].id)}[data-status="queued"]`);
        }
      }
      await add(gus, songs.allowed[2 * LIMIT].id);
      const limit = toastWith(gus, 'PERSON_LIMIT');
      await limit.waitFor();
      const limitText = await limit.textContent();
      assert.match(limitText, new RegExp(`\\b${LIMIT}\\b`), `the limit is named: ${limitText}`);
      assert.doesNotMatch(limitText, /as many songs waiting as this jam allows/, "the server's sentence, not the client's fallback");
      assert.equal(await limit.getAttribute('role'), 'alert');
      assert.equal(await gus.getAttribute(tid('toasts'), 'aria-live'), 'polite');
      const words = (x) => x.replace(/×$/, '').trim();
      console.log(`PARTY-REFUSALS: "${words(limitText)}" / "${words(blockedText)}"`);
    });

    await t.test('the fair queue interleaves the two guests, with whose turn is next', async () => {
      const expected = [ids.gus, ids.gia, ids.gus, ids.gia, ids.gus, ids.gia];
      for (const p of [gus, gia]) await p.tap(tid('tab-queue'));
      for (const p of [host, gus, gia]) {
        await eventually(async () => assert.deepEqual(await queueAdders(p), expected));
      }
      assert.equal(await host.textContent(tid('fair-hint')), 'Fair queue Next turn: Gus, then Gia, then Gus.');
      assert.match(await gia.textContent(tid('fair-hint')), /Next turn: Gus, then you, then Gus\./);
    });

    await t.test('the TV: QR code, code, what plays and the next five with adders and scores; never a participant', async () => {
      assert.equal(await tv.getAttribute(`${tid('tv')} svg.qr`, 'data-text'), `${server.publicUrl}/?code=${code}`);
      assert.equal(await tv.textContent(tid('tv-code')), code);
      assert.equal(await tv.textContent(tid('tv-join-at')), `Join at ${new URL(server.publicUrl).host}`);
      assert.equal(await tv.getAttribute(tid('tv-title'), 'data-song-id'), songs.hostSong.id);
      const hostQueue = await queueSongs(host);
      await eventually(async () => assert.deepEqual(await queueSongs(tv, 'tv-queue-item'), hostQueue.slice(0, 5)));
      assert.deepEqual(await tv.locator(tid('tv-added-by')).allTextContents(), ['Gus', 'Gia', 'Gus', 'Gia', 'Gus'].map((n) => `added by ${n}`));
      assert.deepEqual(await tv.locator(tid('tv-score')).allTextContents(), ['0', '0', '0', '0', '0']);
      assert.equal(await tv.textContent(tid('tv-more')), 'and 1 more');
      await eventually(async () => assert.ok(await tv.$eval(`${tid('tv-now')} img`, (img) => img.complete && img.naturalWidth > 0), 'the cover loaded'));
      assert.equal(await tv.textContent(tid('tv-people')), '3 people in the jam');
      assert.equal(await host.locator(tid('participant')).count(), 3, 'the TV is in no participant list');
      assert.equal(await tv.locator('audio').count(), 0, 'no audio without "play here too"');
      // The QR code is readable from across the room: big, and on the first screen.
      const qr = await tv.locator(`${tid('tv')} svg.qr`).boundingBox();
      assert.ok(qr.width >= 300 && qr.y + qr.height <= 1080, `QR code ${qr.width}px at ${qr.y}`);
      const codeSize = await tv.$eval(tid('tv-code'), (e) => parseFloat(getComputedStyle(e).fontSize));
      assert.ok(codeSize >= 96, `the code in large type (${codeSize}px)`);
      // A vote on a phone moves the TV's list too (the sixth song, Gia's last, to the top).
      const last = hostQueue[5];
      await gus.locator(`${tid('queue-item')}[data-song-id="${last}"] ${tid('vote-up')}`).tap();
      await eventually(async () => assert.equal((await queueSongs(tv, 'tv-queue-item'))[0], last));
      assert.equal(await tv.locator(tid('tv-score')).first().textContent(), '+1');
    });

    await t.test('a reaction tapped on a phone floats up on the TV within 1 s, with the name', async () => {
      await gus.waitForSelector(`${tid('mini-reactions')} ${tid('react')}`);
      const tappedAt = await gus.evaluate(() => {
        const t0 = Date.now();
        document.querySelector('[data-testid="mini-reactions"] [data-emoji="🔥"]').click();
        return t0;
      });
      await tv.waitForSelector(`${tid('reaction-float')}[data-name="Gus"][data-emoji="🔥"]`, { state: 'attached', timeout: 5000 });
      const seen = await tv.evaluate(() => window.__reactionsSeen.find((r) => r.name === 'Gus' && r.emoji === '🔥'));
      const delay = seen.at - tappedAt;
      console.log(`REACTION: phone tap to TV float ${delay} ms`);
      assert.ok(delay <= 1000, `on the TV within 1 s (${delay} ms)`);
      await host.waitForSelector(`${tid('reaction-float')}[data-name="Gus"]`, { state: 'attached', timeout: 5000 });
      await gia.locator(`${tid('mini-reactions')} [data-emoji="❤️"]`).tap();
      await tv.waitForSelector(`${tid('reaction-float')}[data-name="Gia"][data-emoji="❤️"]`, { state: 'attached', timeout: 5000 });
      await shot(tv, 'party-tv-1920.png', { fullPage: false });
      await shot(gia, 'party-phone-390.png', { fullPage: false });
    });

    await t.test('past ten reactions in 10 s a phone rests its row, without an error', async () => {
      const party = gia.locator(`${tid('mini-reactions')} [data-emoji="🎉"]`);
      // Gia sent one already: nine more are taken, then the row rests.
      for (let i = 0; i < 9; i++) await party.tap();
      await gia.waitForSelector(`${tid('mini-reactions')} ${tid('react-wait')}`);
      assert.ok(await party.isDisabled(), 'the buttons rest');
      assert.match(await gia.textContent(`${tid('mini-reactions')} ${tid('react-wait')}`), /More in \d+ s/);
      await eventually(async () => {
        const got = await tv.evaluate(() => window.__reactionsSeen.filter((r) => r.name === 'Gia').length);
        assert.equal(got, 10);
      });
      assert.equal(await toastWith(gia, 'RATE_LIMITED').count(), 0);
    });

    await t.test('the host turns reactions off: the rows go', async () => {
      await host.uncheck(tid('setting-reactions'));
      assert.equal(await host.textContent(tid('setting-reactions-note')), 'Reactions are off.');
      await host.click(tid('save-settings'));
      await gus.waitForSelector(tid('mini-reactions'), { state: 'detached' });
      await host.waitForSelector(tid('reactions'), { state: 'detached' });
    });

    await t.test('the TV plays only with "play here too"', async () => {
      await tv.check(tid('tv-play-here'));
      await eventually(
        async () => assert.ok(await tv.$eval(tid('tv-audio'), (a) => !a.paused && a.currentTime > 0.2), 'the TV plays'),
        30_000,
      );
      await tv.uncheck(tid('tv-play-here'));
      assert.equal(await tv.locator('audio').count(), 0);
    });

    await t.test('the TV comes back after a reload and after going offline', async () => {
      await tv.reload();
      await tv.waitForSelector(tid('tv-queue-item'));
      assert.equal(await tv.textContent(tid('tv-code')), code);
      assert.deepEqual(await queueSongs(tv, 'tv-queue-item'), (await queueSongs(host)).slice(0, 5));
      await shot(tv, 'party-tv-1920-after-reload.png', { fullPage: false });
      await tvCtx.setOffline(true);
      await tv.waitForSelector(tid('tv-offline'), { timeout: 5000 });
      // Meanwhile Gia votes the second song (Gus's first) down: it goes to the end.
      const top = (await queueSongs(host))[1];
      await gia.locator(`${tid('queue-item')}[data-song-id="${top}"] ${tid('vote-down')}`).tap();
      await eventually(async () => assert.notEqual((await queueSongs(host))[1], top));
      await tvCtx.setOffline(false);
      await tv.waitForSelector(tid('tv-offline'), { state: 'detached', timeout: 20_000 });
      const expected = (await queueSongs(host)).slice(0, 5);
      await eventually(async () => assert.deepEqual(await queueSongs(tv, 'tv-queue-item'), expected));
      assert.equal(await host.locator(tid('participant')).count(), 3, 'still no participant');
    });
  } catch (e) {
    for (const [p, name] of [[host, 'host'], [gus, 'gus'], [gia, 'gia'], [tv, 'tv']]) {
      await shot(p, `failure-party-${name}.png`).catch(() => undefined);
    }
    throw e;
  }
});
