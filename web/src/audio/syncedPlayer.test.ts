import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { item } from '../test/fixtures';
import { SyncedPlayer } from './syncedPlayer';

/** The part of an <audio> element the player touches; play() starts it at once. */
class FakeAudio {
  currentTime = 0;
  paused = true;
  readyState = 4;
  seeking = false;
  playbackRate = 1;
  preload = '';
  src = '';
  dataset: Record<string, string> = {};
  plays: number[] = [];
  constructor(private readonly now: () => number) {}
  addEventListener() {}
  removeEventListener() {}
  removeAttribute() {}
  load() {}
  pause() {
    this.paused = true;
  }
  play() {
    this.paused = false;
    this.plays.push(this.now());
    return Promise.resolve();
  }
}

describe('SyncedPlayer', () => {
  beforeEach(() => vi.useFakeTimers({ now: 1_000_000 }));
  afterEach(() => vi.useRealTimers());

  const setup = (ready: () => boolean) => {
    const audio = new FakeAudio(() => Date.now());
    const player = new SyncedPlayer(audio as unknown as HTMLAudioElement, () => Date.now(), () => undefined, ready);
    return { audio, player };
  };

  it('does not start before the clock is measured, then starts at the shared position', async () => {
    let ready = false;
    const { audio, player } = setup(() => ready);
    player.start();
    player.update(item('a'), { isPlaying: true, positionMs: 10_000, updatedAt: Date.now() - 2_000 });
    await vi.advanceTimersByTimeAsync(1_000);
    expect(audio.plays).toHaveLength(0);
    expect(player.status.waitingClock).toBe(true);
    ready = true;
    // The next tick plans a start 300 ms ahead, held at the position it will have then.
    await vi.advanceTimersByTimeAsync(200);
    expect(audio.plays).toHaveLength(0);
    expect(audio.paused).toBe(true);
    const planned = audio.currentTime * 1000;
    expect(planned).toBeGreaterThanOrEqual(13_200); // 10 s + 2.9–3.2 s elapsed + 300 ms ahead
    expect(planned).toBeLessThanOrEqual(13_500);
    expect(player.status.waitingClock).toBe(false);
    await vi.advanceTimersByTimeAsync(300);
    expect(audio.plays).toHaveLength(1);
    // play() came just before the instant at which the shared position is the planned one.
    const instant = 1_000_000 + planned - 12_000;
    expect(instant - audio.plays[0]).toBeGreaterThanOrEqual(0);
    expect(instant - audio.plays[0]).toBeLessThanOrEqual(40);
    player.stop();
  });

  it('keeps a start on its way when the same playback comes again (a resync)', async () => {
    const { audio, player } = setup(() => true);
    player.start();
    const at = Date.now() + 400;
    const pb = { isPlaying: true, positionMs: 60_000, updatedAt: at };
    player.update(item('a'), pb);
    await vi.advanceTimersByTimeAsync(380);
    expect(audio.plays).toHaveLength(1);
    player.update(item('a'), { ...pb });
    await vi.advanceTimersByTimeAsync(400);
    expect(audio.plays).toHaveLength(1); // not paused and started again
    expect(audio.paused).toBe(false);
    player.stop();
  });

  it('holds a scheduled start at its position and plays just before the instant', async () => {
    const { audio, player } = setup(() => true);
    player.start();
    const at = Date.now() + 400;
    player.update(item('a'), { isPlaying: true, positionMs: 60_000, updatedAt: at });
    await vi.advanceTimersByTimeAsync(300);
    expect(audio.paused).toBe(true);
    expect(audio.currentTime).toBe(60);
    await vi.advanceTimersByTimeAsync(150);
    expect(audio.plays).toHaveLength(1);
    expect(at - audio.plays[0]).toBeGreaterThanOrEqual(0); // the learned play lead, 30 ms at first
    expect(at - audio.plays[0]).toBeLessThanOrEqual(40);
    player.stop();
  });
});
