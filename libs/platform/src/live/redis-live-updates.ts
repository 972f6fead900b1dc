import Redis from 'ioredis';
import type { Logger } from '../logging/logger';
import { LiveUpdates, LocalFanOut, type LiveListener } from './live-updates';

/**
 * Several API processes (REDIS_URL): a publication goes through Redis pub/sub to every process,
 * each delivering it to its own subscribers. One subscriber connection per process, subscribed
 * to a channel while at least one local listener follows it. Channels carry a prefix naming the
 * database, so two deployments (or test databases) on one Redis never hear each other.
 */
export class RedisLiveUpdates extends LiveUpdates {
  private readonly pub: Redis;
  private readonly sub: Redis;
  private readonly local = new LocalFanOut();
  private lastErrorLog = 0;

  constructor(
    redisUrl: string,
    private readonly prefix: string,
    private readonly logger: Logger,
  ) {
    super();
    const options = { maxRetriesPerRequest: 1, retryStrategy: (times: number) => Math.min(100 * 2 ** Math.min(times, 5), 2000) };
    this.pub = new Redis(redisUrl, options);
    this.sub = new Redis(redisUrl, options);
    for (const c of [this.pub, this.sub]) c.on('error', (e) => this.logError(e));
    this.sub.on('message', (channel: string, message: string) => {
      if (!channel.startsWith(this.prefix)) return;
      let data: unknown;
      try {
        data = JSON.parse(message);
      } catch {
        return;
      }
      this.local.deliver(channel.slice(this.prefix.length), data);
    });
  }

  private logError(e: Error): void {
    const now = Date.now();
    if (now - this.lastErrorLog > 60_000) {
      this.lastErrorLog = now;
      this.logger.warn({ err: e.message }, 'live updates: Redis connection error');
    }
  }

  publish(channel: string, data: unknown): void {
    this.pub.publish(this.prefix + channel, JSON.stringify(data)).catch((e: Error) => this.logError(e));
  }

  subscribe(channel: string, listener: LiveListener): () => void {
    const { first, remove } = this.local.add(channel, listener);
    if (first) this.sub.subscribe(this.prefix + channel).catch((e: Error) => this.logError(e));
    return () => {
      if (remove()) this.sub.unsubscribe(this.prefix + channel).catch((e: Error) => this.logError(e));
    };
  }

  /** Resolves once both connections are up and every current channel is subscribed (for tests and start-up). */
  async ready(timeoutMs = 2000): Promise<void> {
    const up = (c: Redis) =>
      c.status === 'ready'
        ? Promise.resolve()
        : new Promise<void>((resolve) => {
            const t = setTimeout(resolve, timeoutMs);
            t.unref?.();
            c.once('ready', () => {
              clearTimeout(t);
              resolve();
            });
          });
    await Promise.all([up(this.pub), up(this.sub)]);
    // A round trip on the subscriber connection: every SUBSCRIBE sent before it has been applied.
    await this.sub.ping().catch(() => undefined);
  }

  /**
   * A round trip on the subscriber connection after the SUBSCRIBEs sent so far (queued while the
   * connection was being made or remade): when it answers, they are applied. Waits at most
   * `timeoutMs` (Redis away: the screen still opens, and hears what comes once Redis is back).
   */
  async inEffect(timeoutMs = 2000): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, timeoutMs);
      timer.unref?.();
    });
    await Promise.race([this.sub.ping().then(() => undefined, () => undefined), late]);
    clearTimeout(timer);
  }

  listenerCount(): number {
    return this.local.count();
  }

  async close(): Promise<void> {
    await Promise.all([this.pub, this.sub].map((c) => c.quit().catch(() => c.disconnect())));
  }
}
