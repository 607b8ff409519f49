// The long-lived notification streams this instance serves
// (subscriptions/listen, 2025-era session GET streams). A drain ends them at
// once — they never finish by themselves — and their clients reconnect to
// another instance.

const ends = new Set<() => void>();

export function holdNotificationStream(end: () => void): () => void {
  ends.add(end);
  return () => ends.delete(end);
}

/** Ends every open notification stream gracefully; returns how many there were. */
export function endNotificationStreams(): number {
  const count = ends.size;
  for (const end of [...ends]) end();
  ends.clear();
  return count;
}
