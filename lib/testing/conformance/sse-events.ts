import { translateJsonText } from "./prefixed-names";

const BOUNDARY = /\r\n\r\n|\n\n|\r\r/;

export type SseEventSplitter = { push: (text: string) => void; end: () => void };

/**
 * Cuts a text/event-stream into whole events as bytes arrive. `onEvent` gets
 * each event with its own terminating blank line, so writing what it gets
 * reproduces the stream; `end` hands over a trailing partial event as is.
 */
export function createSseEventSplitter(onEvent: (event: string) => void): SseEventSplitter {
  let buffer = "";
  return {
    push(text) {
      buffer += text;
      for (let match = BOUNDARY.exec(buffer); match; match = BOUNDARY.exec(buffer)) {
        const end = match.index + match[0].length;
        onEvent(buffer.slice(0, end));
        buffer = buffer.slice(end);
      }
    },
    end() {
      if (buffer) onEvent(buffer);
      buffer = "";
    },
  };
}

/**
 * One SSE event with `translate` applied to the JSON message in its data
 * lines. Events without data (priming events, comments, keep-alives) and
 * data that is not JSON come back byte for byte.
 */
export function translateSseEvent(event: string, translate: (message: unknown) => unknown): string {
  const lines = event.split(/\r\n|\n|\r/);
  const dataAt = lines.flatMap((line, i) => (line.startsWith("data:") ? [i] : []));
  if (dataAt.length === 0) return event;
  const data = dataAt.map((i) => lines[i].slice(5).replace(/^ /, "")).join("\n");
  const translated = translateJsonText(data, translate);
  if (translated === data) return event;
  const newline = /\r\n/.test(event) ? "\r\n" : "\n";
  const rebuilt = lines.flatMap((line, i) => (i === dataAt[0] ? [`data: ${translated}`] : dataAt.includes(i) ? [] : [line]));
  return rebuilt.join(newline);
}
