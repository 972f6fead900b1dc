import type { CompositeSnapshot } from './composite';
import type { Submitter } from './motion.entity';

/**
 * Who acted for a mover, as the floor shows it to everyone. A caucus's roster is visible to its
 * members only: the member who submitted a motion, answered a composite or consented to its
 * withdrawal *for a caucus* is never shown (it would tell the executive, and every delegate, that
 * this member belongs to that caucus). The caucus itself is shown as the mover; the audit log
 * keeps who acted.
 */
export function shownActor(submitter: Pick<Submitter, 'kind'>, memberId: string | null): string | null {
  return submitter.kind === 'caucus' ? null : memberId;
}

/** A composite as the floor shows it: no member named for an original moved by a caucus. */
export function shownComposite(c: CompositeSnapshot): CompositeSnapshot {
  return {
    ...c,
    originals: c.originals.map((o) => ({ ...o, answeredBy: shownActor(o.submitter, o.answeredBy), withdrawalBy: shownActor(o.submitter, o.withdrawalBy) })),
  };
}
