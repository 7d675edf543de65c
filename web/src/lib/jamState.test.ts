import { describe, expect, it } from 'vitest';
import { item, participant, snapshot } from '../test/fixtures';
import { applyEvent, applySnapshot, canControlPlayback, canRemove, fromSnapshot, hasGap, isHost, recordVote, stillMember } from './jamState';

describe('rev rule (PROTOCOL §5)', () => {
  it('applies a newer event field by field', () => {
    const s0 = fromSnapshot(snapshot(5));
    const { state, applied, fresh } = applyEvent(s0, { type: 'queue-updated', rev: 6, data: { queue: [item('a')] } });
    expect(applied).toEqual(['queue']);
    expect(fresh).toBe(true);
    expect(state.queue.map((i) => i.id)).toEqual(['a']);
    expect(state.fieldRevs.queue).toBe(6);
    expect(state.fieldRevs.participants).toBe(5);
    expect(state.knownRev).toBe(6);
  });

  it('ignores events at or below the field rev (stale or duplicate)', () => {
    let s = fromSnapshot(snapshot(5));
    s = applyEvent(s, { type: 'queue-updated', rev: 7, data: { queue: [item('new')] } }).state;
    const stale = applyEvent(s, { type: 'queue-updated', rev: 6, data: { queue: [item('old')] } });
    expect(stale.applied).toEqual([]);
    expect(stale.state.queue.map((i) => i.id)).toEqual(['new']);
    const dup = applyEvent(stale.state, { type: 'queue-updated', rev: 7, data: { queue: [item('new')] } });
    expect(dup.applied).toEqual([]);
    expect(dup.fresh).toBe(false);
  });

  it('is per field: an older event still updates fields a newer one did not carry', () => {
    let s = fromSnapshot(snapshot(5));
    // rev 7 changed the queue; rev 6 (arriving late) changed participants and the queue.
    s = applyEvent(s, { type: 'queue-updated', rev: 7, data: { queue: [item('q7')] } }).state;
    const r = applyEvent(s, {
      type: 'participant-left',
      rev: 6,
      data: { participants: [participant('p2', 'Bob')], hostId: 'p2', skipVotes: { count: 0, needed: 1 }, queue: [item('q6')], participant: participant('p1'), reason: 'left' },
    });
    expect(r.applied.sort()).toEqual(['hostId', 'participants', 'skipVotes']);
    expect(r.state.queue[0].id).toBe('q7');
    expect(r.state.hostId).toBe('p2');
    expect(r.fresh).toBe(true);
  });

  it('events of one command share a rev and each is fresh once', () => {
    let s = fromSnapshot(snapshot(5));
    const a = applyEvent(s, { type: 'participant-left', rev: 6, data: { participants: [participant('p2')], hostId: 'p2', participant: participant('p1'), reason: 'left' } });
    s = a.state;
    const b = applyEvent(s, { type: 'host-changed', rev: 6, data: { participants: [participant('p2')], hostId: 'p2' } });
    expect(a.fresh && b.fresh).toBe(true);
    expect(b.applied).toEqual([]);
    expect(applyEvent(b.state, { type: 'host-changed', rev: 6, data: { hostId: 'p2' } }).fresh).toBe(false);
  });

  it('events from before the join are never fresh', () => {
    const s = fromSnapshot(snapshot(5));
    expect(applyEvent(s, { type: 'participant-joined', rev: 5, data: { participant: participant('x') } }).fresh).toBe(false);
  });

  it('detects a gap and closes it when the missing rev arrives', () => {
    let s = fromSnapshot(snapshot(5));
    s = applyEvent(s, { type: 'queue-updated', rev: 7, data: { queue: [] } }).state;
    expect(hasGap(s)).toBe(true);
    expect(s.knownRev).toBe(5);
    s = applyEvent(s, { type: 'skip-votes-updated', rev: 8, data: { skipVotes: { count: 1, needed: 2 } } }).state;
    s = applyEvent(s, { type: 'playback-updated', rev: 6, data: { playback: { isPlaying: true, positionMs: 0, updatedAt: 1 } } }).state;
    expect(hasGap(s)).toBe(false);
    expect(s.knownRev).toBe(8);
  });

  it('revs a coalesced event names in merges are no gap', () => {
    let s = fromSnapshot(snapshot(5));
    s = applyEvent(s, { type: 'queue-updated', rev: 6, data: { queue: [] } }).state;
    s = applyEvent(s, { type: 'queue-updated', rev: 9, merges: [7, 8], data: { queue: [item('q9')] } }).state;
    expect(hasGap(s)).toBe(false);
    expect(s.knownRev).toBe(9);
    expect(s.queue[0].id).toBe('q9');
  });

  it('a snapshot repairs a gap and keeps fields that newer events already set', () => {
    let s = fromSnapshot(snapshot(5));
    s = applyEvent(s, { type: 'queue-updated', rev: 9, data: { queue: [item('q9')] } }).state;
    expect(hasGap(s)).toBe(true);
    s = applySnapshot(s, snapshot(8, { queue: [item('q8')], participants: [participant('p2'), participant('p3')] }));
    expect(hasGap(s)).toBe(false);
    expect(s.knownRev).toBe(9);
    expect(s.queue[0].id).toBe('q9'); // newer than the snapshot
    expect(s.participants.map((p) => p.id)).toEqual(['p2', 'p3']);
    expect(s.fieldRevs.participants).toBe(8);
  });

  it('a snapshot replaces your votes; vote replies update them; removed items drop theirs', () => {
    let s = fromSnapshot(snapshot(5, { queue: [item('a'), item('b')], you: { participantId: 'p2', name: 'Bob', isHost: false, resumeToken: 't', votes: { a: 1 } } }));
    expect(s.you.votes).toEqual({ a: 1 });
    s = recordVote(s, 'b', -1);
    s = recordVote(s, 'a', 0);
    expect(s.you.votes).toEqual({ b: -1 });
    s = applyEvent(s, { type: 'queue-updated', rev: 6, data: { queue: [item('a')] } }).state;
    expect(s.you.votes).toEqual({});
  });

  it('permissions follow hostId and settings', () => {
    let s = fromSnapshot(snapshot(5));
    expect(isHost(s)).toBe(false);
    expect(canControlPlayback(s)).toBe(false);
    expect(canRemove(s, 'p2')).toBe(true);
    expect(canRemove(s, 'p1')).toBe(false);
    s = applyEvent(s, { type: 'host-changed', rev: 6, data: { hostId: 'p2' } }).state;
    expect(isHost(s)).toBe(true);
    expect(canRemove(s, 'p1')).toBe(true);
    const g = fromSnapshot(snapshot(1, { settings: { ...snapshot(1).settings, guestsControlPlayback: true } }));
    expect(canControlPlayback(g)).toBe(true);
  });

  it('notices when you are no longer a participant', () => {
    let s = fromSnapshot(snapshot(5));
    expect(stillMember(s)).toBe(true);
    s = applyEvent(s, { type: 'participant-left', rev: 6, data: { participants: [participant('p1')], participant: participant('p2'), reason: 'kicked' } }).state;
    expect(stillMember(s)).toBe(false);
  });

  it('a snapshot of another jam starts over', () => {
    const s = fromSnapshot(snapshot(50));
    const t = applySnapshot(s, snapshot(2, { code: 'ZZZ999' }));
    expect(t.code).toBe('ZZZ999');
    expect(t.knownRev).toBe(2);
  });
});
