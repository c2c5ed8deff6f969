import { describe, expect, it } from 'vitest';
import { parseNotice } from './live-connection';
import { LiveHub } from './live-hub';

const NOTICE = {
  streamId: '22222222-2222-4222-8222-222222222222',
  seq: 3,
  entryHash: 'A'.repeat(43),
  leafIndex: 17,
};

describe('live notices', () => {
  it('accepts a notice of the shape the server sends', () => {
    expect(parseNotice(JSON.stringify(NOTICE))).toEqual(NOTICE);
  });

  it('drops anything else: bad JSON, missing or malformed fields, non-text', () => {
    for (const data of [
      '{',
      JSON.stringify({ ...NOTICE, streamId: 'not-a-uuid' }),
      JSON.stringify({ ...NOTICE, seq: -1 }),
      JSON.stringify({ streamId: NOTICE.streamId }),
      'null',
      undefined,
      42,
    ]) {
      expect(parseNotice(data)).toBeUndefined();
    }
  });

  it('fans notices and resyncs out to every subscriber until it unsubscribes', () => {
    const hub = new LiveHub();
    const heard: string[] = [];
    const first = hub.subscribe({ onNotice: () => heard.push('first'), onResync: () => heard.push('first resync') });
    hub.subscribe({ onNotice: () => heard.push('second'), onResync: () => heard.push('second resync') });
    hub.notify(NOTICE);
    first();
    hub.notify(NOTICE);
    hub.resync();
    expect(heard).toEqual(['first', 'second', 'second', 'second resync']);
  });

  it('tells state listeners when the connection state changes', () => {
    const hub = new LiveHub();
    let calls = 0;
    hub.subscribeState(() => {
      calls += 1;
    });
    expect(hub.getState()).toBe('closed');
    hub.setState('open');
    expect(hub.getState()).toBe('open');
    expect(calls).toBe(1);
  });
});
