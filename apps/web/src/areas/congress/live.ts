import { useEffect, useRef } from 'react';
import { authorization } from '../../api/client';

export interface FloorEvent {
  type: 'agenda' | 'motion' | 'amendment' | 'speakers' | 'vote' | 'composite';
  id: string;
  tally?: { yes: number; no: number; abstain: number; voted: number; electorate: number; closed: boolean; carried: boolean | null };
}

/**
 * Follows a congress's floor over server-sent events (a streaming fetch, so the session's
 * bearer token goes with it), reconnecting after a drop; `onEvent` runs for each event and
 * once after each (re)connection, so the screen reloads what it shows.
 */
export function useFloorEvents(congressId: string, onEvent: (e: FloorEvent | null) => void): void {
  const handler = useRef(onEvent);
  handler.current = onEvent;
  useEffect(() => {
    const ctrl = new AbortController();
    let stopped = false;
    const run = async () => {
      while (!stopped) {
        try {
          const res = await fetch(`/congresses/${encodeURIComponent(congressId)}/floor/events`, { headers: { accept: 'text/event-stream', ...authorization() }, signal: ctrl.signal, cache: 'no-store' });
          if (!res.ok || !res.body) throw new Error(`events: ${res.status}`);
          const reader = res.body.getReader();
          const decoder = new TextDecoder();
          let buffer = '';
          for (;;) {
            const { value, done } = await reader.read();
            if (done) break;
            buffer += decoder.decode(value, { stream: true });
            let at: number;
            while ((at = buffer.indexOf('\n\n')) >= 0) {
              const block = buffer.slice(0, at);
              buffer = buffer.slice(at + 2);
              const event = /^event: (.*)$/m.exec(block)?.[1];
              const data = /^data: (.*)$/m.exec(block)?.[1];
              if (event === 'ready') handler.current(null);
              else if (event === 'floor' && data) handler.current(JSON.parse(data) as FloorEvent);
            }
          }
        } catch (e) {
          if ((e as Error)?.name === 'AbortError') return;
        }
        await new Promise((r) => setTimeout(r, 2000));
      }
    };
    void run();
    return () => {
      stopped = true;
      ctrl.abort();
    };
  }, [congressId]);
}
