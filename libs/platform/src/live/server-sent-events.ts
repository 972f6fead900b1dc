import type { IncomingMessage, ServerResponse } from 'node:http';

export interface EventStreamOptions {
  /** A comment line this often keeps proxies from closing an idle stream (ms). */
  heartbeatMs?: number;
}

/**
 * Turns a raw HTTP response into a server-sent-events stream (`text/event-stream`): `start`
 * receives `send(event, data)` and returns what to run when the client goes away. The caller
 * must have taken the response from the framework first (Fastify: `reply.hijack()`).
 */
export function openEventStream(req: IncomingMessage, res: ServerResponse, start: (send: (event: string, data: unknown) => void) => () => void, o: EventStreamOptions = {}): void {
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-store',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
    'x-content-type-options': 'nosniff',
  });
  res.write('retry: 2000\n\n');
  let open = true;
  const send = (event: string, data: unknown) => {
    if (!open) return;
    res.write(`event: ${event.replace(/[\r\n]/g, '')}\ndata: ${JSON.stringify(data)}\n\n`);
  };
  const stop = start(send);
  const heartbeat = setInterval(() => open && res.write(': keep-alive\n\n'), o.heartbeatMs ?? 15_000);
  heartbeat.unref?.();
  const end = () => {
    if (!open) return;
    open = false;
    clearInterval(heartbeat);
    stop();
  };
  req.on('close', end);
  res.on('close', end);
  res.on('error', end);
}
