import type { WebSocket } from 'ws';
import { RealtimeSession } from './realtime-session.js';

describe('RealtimeSession.admitMessage', () => {
  const session = () => new RealtimeSession({} as WebSocket, '/ws', { role: 'anonymous', userId: null, operatorId: null, fidelity: 'coarse' });

  it('admits up to the limit per second, refuses the next once, then ignores', () => {
    const s = session();
    const verdicts = Array.from({ length: 5 }, () => s.admitMessage(3, 1000));
    expect(verdicts).toEqual(['ok', 'ok', 'ok', 'refuse', 'ignore']);
  });

  it('starts a fresh budget each second', () => {
    const s = session();
    for (let i = 0; i < 4; i++) s.admitMessage(3, 1000);
    expect(s.admitMessage(3, 2000)).toBe('ok');
  });

  it('asks to close a client far over the limit', () => {
    const s = session();
    const verdicts = Array.from({ length: 31 }, () => s.admitMessage(3, 1000));
    expect(verdicts.at(-1)).toBe('close');
  });
});

describe('RealtimeSession.follows', () => {
  it('follows facilities by id and through boxes', () => {
    const s = new RealtimeSession({} as WebSocket, '/ws', { role: 'driver', userId: 'u', operatorId: null, fidelity: 'full' });
    s.facilityIds.add('a');
    s.boxes.set('box', { box: { minLat: 0, minLng: 0, maxLat: 1, maxLng: 1 }, facilityIds: new Set(['b', 'a']) });
    expect(s.follows('a')).toBe(true);
    expect(s.follows('b')).toBe(true);
    expect(s.follows('c')).toBe(false);
    expect([...s.followed()].sort()).toEqual(['a', 'b']);
  });
});
