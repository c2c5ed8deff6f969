/** One dispatched server-sent event: its type (`message` when unnamed) and its data lines joined. */
export type ServerSentEvent = { readonly event: string; readonly data: string };

/**
 * An incremental parser of `text/event-stream` (WHATWG HTML, "Parsing an event stream"): feed it
 * decoded text as it arrives, in pieces cut anywhere, and it returns the events completed by each
 * piece. Comments (`:`), `id` and `retry` are read and ignored.
 */
export class EventStreamParser {
  #pending = '';
  #event = '';
  #data: string[] = [];

  /** Parses the next piece of text; returns the events it completes. */
  push(text: string): ServerSentEvent[] {
    const events: ServerSentEvent[] = [];
    this.#pending += text;
    for (;;) {
      const match = /\r\n|\r|\n/.exec(this.#pending);
      // A lone trailing CR may be the first half of CRLF: wait for the next piece.
      if (!match || (match[0] === '\r' && match.index === this.#pending.length - 1)) {
        return events;
      }
      const line = this.#pending.slice(0, match.index);
      this.#pending = this.#pending.slice(match.index + match[0].length);
      const dispatched = this.#line(line);
      if (dispatched) {
        events.push(dispatched);
      }
    }
  }

  #line(line: string): ServerSentEvent | undefined {
    if (line === '') {
      const event =
        this.#data.length > 0 ? { event: this.#event || 'message', data: this.#data.join('\n') } : undefined;
      this.#event = '';
      this.#data = [];
      return event;
    }
    if (line.startsWith(':')) {
      return undefined;
    }
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    const raw = colon === -1 ? '' : line.slice(colon + 1);
    const value = raw.startsWith(' ') ? raw.slice(1) : raw;
    if (field === 'event') {
      this.#event = value;
    } else if (field === 'data') {
      this.#data.push(value);
    }
    return undefined;
  }
}
