/**
 * The queue between dispatchers and workers. A job carries only the outbox row id: no address,
 * no content — a worker reads everything else from PostgreSQL, the durable record.
 */
export interface EmailJob {
  outboxId: string;
  /** The row's attempt count when queued (part of the job id, so a re-queue is not a duplicate). */
  attempts: number;
}

export abstract class EmailQueue {
  /** True while the queue's connection is up (dispatchers skip a round when it is not). */
  abstract get connected(): boolean;
  /** Adds jobs; rejects quickly (never hangs) when the queue is unreachable. */
  abstract add(jobs: EmailJob[]): Promise<void>;
  /** Starts consuming: `handle` is called with each job's outbox id. */
  abstract consume(concurrency: number, handle: (outboxId: string) => Promise<void>): void;
  /** Resolves when the queue answers; rejects quickly when it does not. */
  abstract ping(): Promise<void>;
  abstract close(): Promise<void>;
}
