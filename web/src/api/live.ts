/**
 * Live updates from the node (`GET /api/v1/events`, Server-Sent Events). One stream per
 * page, shared by every subscriber; the browser reconnects by itself when it drops. An
 * event only names what changed: the subscriber reads the data again through the API.
 */
export type LiveEventKind = 'inbox';

type Listener = () => void;
const listeners = new Map<LiveEventKind, Set<Listener>>();
let source: EventSource | null = null;

function open(): void {
  if (source || typeof EventSource === 'undefined') return;
  source = new EventSource('/api/v1/events');
  source.addEventListener('inbox', () => {
    for (const fn of listeners.get('inbox') ?? []) fn();
  });
}

/** Calls `fn` on each event of `kind`; returns the function that stops it. */
export function subscribeLive(kind: LiveEventKind, fn: Listener): () => void {
  let set = listeners.get(kind);
  if (!set) {
    set = new Set();
    listeners.set(kind, set);
  }
  set.add(fn);
  open();
  return () => {
    set.delete(fn);
    if ([...listeners.values()].every((s) => s.size === 0)) {
      source?.close();
      source = null;
    }
  };
}
