import { describe, expect, it } from 'vitest';
import { socketUrl } from './bus';

describe('socketUrl', () => {
  it('uses the raw WebSocket endpoint of the page origin, wss behind https', () => {
    expect(socketUrl('/eventbus', { protocol: 'http:', host: '192.168.1.20:4000' })).toBe(
      'ws://192.168.1.20:4000/eventbus/websocket',
    );
    expect(socketUrl('/eventbus', { protocol: 'https:', host: 'jam.example' })).toBe('wss://jam.example/eventbus/websocket');
  });
});
