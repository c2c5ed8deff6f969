import { describe, expect, it } from 'vitest';
import { EventStreamParser } from './event-stream-parser';

describe('EventStreamParser', () => {
  it('dispatches named events on a blank line, skipping comments and retry', () => {
    const parser = new EventStreamParser();
    const text = 'retry: 2000\n\n: heartbeat\n\nevent: entry\ndata: {"seq":1}\n\n';
    expect(parser.push(text)).toEqual([{ event: 'entry', data: '{"seq":1}' }]);
  });

  it('joins data lines and names unnamed events "message"', () => {
    expect(new EventStreamParser().push('data: a\ndata:b\n\n')).toEqual([{ event: 'message', data: 'a\nb' }]);
  });

  it('reassembles events cut anywhere, CRLF split between pieces included', () => {
    const parser = new EventStreamParser();
    const text = 'event: entry\r\ndata: {"x":2}\r\n\r\nevent: entry\ndata: 3\n\n';
    const events = [...text].flatMap((char) => parser.push(char));
    expect(events).toEqual([
      { event: 'entry', data: '{"x":2}' },
      { event: 'entry', data: '3' },
    ]);
  });

  it('keeps an event without its blank line pending', () => {
    const parser = new EventStreamParser();
    expect(parser.push('event: entry\ndata: 1\n')).toEqual([]);
    expect(parser.push('\n')).toEqual([{ event: 'entry', data: '1' }]);
  });
});
