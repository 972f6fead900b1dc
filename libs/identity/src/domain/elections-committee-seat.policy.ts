import { DomainError } from '@org/kernel';
import type { BodyKind } from './body-kind';

/**
 * S2: the Elections Committee (the returning officers) runs the elections that fill the Control
 * Commission and the Appeals Committee, so whoever runs them must not owe their seat to the
 * executive. An Elections Committee seat comes only from an election of that committee (by
 * congress or by the membership) or from the founding file — never from an appointment by any
 * body, whoever asks.
 */
export function assertElectionsCommitteeSeatSource(bodyKind: BodyKind, source: { kind: 'election' | 'founding' | 'appointment'; electedBodyId?: string }, bodyId: string): void {
  if (bodyKind !== 'ELECTIONS') return;
  const fromOwnElection = source.kind === 'election' && source.electedBodyId === bodyId;
  if (fromOwnElection || source.kind === 'founding') return;
  throw new DomainError(
    'forbidden',
    'elections_committee_seat',
    'Elections Committee seats (returning officers) are filled only by an election of that committee — by congress or the membership — or by the founding file, never by an appointment: the committee runs the elections of the Control Commission and the Appeals Committee (statutes, S2).',
  );
}
