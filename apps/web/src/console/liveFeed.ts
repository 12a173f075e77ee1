import { useEffect, useRef } from 'preact/hooks';
import type { LiveEvent } from '../shared/contract';

/*
 * One connection to the live feed (GET /events/stream, Server-Sent Events) for the whole
 * console; pages subscribe to it. EventSource cannot send headers, so the token goes as
 * `?access_token=` as the contract allows (the server keeps it out of its logs). The browser
 * reconnects by itself and resumes with Last-Event-ID.
 */

export type LiveState = 'connecting' | 'live' | 'offline';

export interface LiveFeed {
  subscribe(listener: (event: LiveEvent) => void): () => void;
  onState(listener: (state: LiveState) => void): () => void;
  readonly state: LiveState;
  close(): void;
}

export function openLiveFeed(token: string): LiveFeed {
  const listeners = new Set<(event: LiveEvent) => void>();
  const stateListeners = new Set<(state: LiveState) => void>();
  let state: LiveState = 'connecting';
  const setState = (next: LiveState) => {
    state = next;
    stateListeners.forEach((listener) => listener(next));
  };
  const source = new EventSource(`/events/stream?access_token=${encodeURIComponent(token)}`);
  source.onopen = () => setState('live');
  source.onerror = () => setState(source.readyState === EventSource.CLOSED ? 'offline' : 'connecting');
  source.onmessage = (message) => {
    let event: LiveEvent;
    try {
      event = JSON.parse(message.data) as LiveEvent;
    } catch {
      return;
    }
    listeners.forEach((listener) => listener(event));
  };
  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    onState(listener) {
      stateListeners.add(listener);
      return () => stateListeners.delete(listener);
    },
    get state() {
      return state;
    },
    close() {
      source.close();
      setState('offline');
    },
  };
}

/** Calls `listener` for every live event while the component is mounted (the latest listener). */
export function useLiveEvents(feed: LiveFeed, listener: (event: LiveEvent) => void): void {
  const latest = useRef(listener);
  latest.current = listener;
  useEffect(() => feed.subscribe((event) => latest.current(event)), [feed]);
}
