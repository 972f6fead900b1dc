/** A fresh Idempotency-Key for one contribution: a retry of the same submission publishes it once. */
export const randomKey = (): string => crypto.randomUUID();
