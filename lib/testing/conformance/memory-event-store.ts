import type { EventStore, JSONRPCMessage } from "@modelcontextprotocol/server";

/**
 * An in-memory EventStore: with it the SDK transport primes every SSE stream
 * with an event id and replays what a client missed when it reconnects with
 * Last-Event-ID (SEP-1699, server-sse-polling). Event ids sort by a counter
 * per stream, so "after" is a plain comparison.
 */
export function createMemoryEventStore(): EventStore {
  const events: { id: string; streamId: string; seq: number; message: JSONRPCMessage }[] = [];
  let seq = 0;
  return {
    async storeEvent(streamId, message) {
      seq += 1;
      const id = `${streamId}_${seq}`;
      events.push({ id, streamId, seq, message });
      return id;
    },
    async getStreamIdForEventId(eventId) {
      return events.find((event) => event.id === eventId)?.streamId;
    },
    async replayEventsAfter(lastEventId, { send }) {
      const last = events.find((event) => event.id === lastEventId);
      if (!last) return "";
      for (const event of events) {
        if (event.streamId === last.streamId && event.seq > last.seq) await send(event.id, event.message);
      }
      return last.streamId;
    },
  };
}
