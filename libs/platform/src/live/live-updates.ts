/** Receives what is published on a channel, in publication order (per publishing process). */
export type LiveListener = (data: unknown) => void;

/**
 * Live updates (server-sent events to screens that follow something): publish on a channel,
 * and every subscriber on that channel — in this API process or, with Redis, in any other —
 * receives it. Delivery is best effort and at most once: a screen that reconnects reloads the
 * state it shows from the API; the events only tell it what changed. Never publish secrets.
 */
export abstract class LiveUpdates {
  abstract publish(channel: string, data: unknown): void;
  /** Returns the function that ends this subscription. */
  abstract subscribe(channel: string, listener: LiveListener): () => void;
  /**
   * Resolves once every subscription made so far hears publications from every process (with
   * Redis, once the SUBSCRIBE has reached it). A screen told it is following must not miss a
   * change made through another process in between.
   */
  abstract inEffect(): Promise<void>;
  /** How many listeners this process holds (all channels). */
  abstract listenerCount(): number;
  abstract close(): Promise<void>;
}

/** The listeners of one process, by channel: the local half of every implementation. */
export class LocalFanOut {
  private readonly channels = new Map<string, Set<LiveListener>>();

  add(channel: string, listener: LiveListener): { first: boolean; remove: () => boolean } {
    let set = this.channels.get(channel);
    const first = !set;
    if (!set) this.channels.set(channel, (set = new Set()));
    set.add(listener);
    return {
      first,
      /** True when this was the channel's last listener. */
      remove: () => {
        const s = this.channels.get(channel);
        if (!s || !s.delete(listener)) return false;
        if (s.size > 0) return false;
        this.channels.delete(channel);
        return true;
      },
    };
  }

  deliver(channel: string, data: unknown): void {
    for (const listener of [...(this.channels.get(channel) ?? [])]) {
      try {
        listener(data);
      } catch {
        // One screen's failure never stops the others.
      }
    }
  }

  count(): number {
    let n = 0;
    for (const s of this.channels.values()) n += s.size;
    return n;
  }
}

/** One API process (no REDIS_URL): publication reaches this process's subscribers only. */
export class InProcessLiveUpdates extends LiveUpdates {
  private readonly local = new LocalFanOut();

  publish(channel: string, data: unknown): void {
    // Asynchronously, like Redis: a publisher never runs its subscribers' code inside its own call.
    setImmediate(() => this.local.deliver(channel, data));
  }

  subscribe(channel: string, listener: LiveListener): () => void {
    return this.local.add(channel, listener).remove as () => void;
  }

  /** In one process a subscription is in effect at once. */
  async inEffect(): Promise<void> {}

  listenerCount(): number {
    return this.local.count();
  }

  async close(): Promise<void> {}
}
