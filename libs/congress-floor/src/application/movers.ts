import type { Principal } from '@org/identity';
import type { Actor, Submitter } from '../domain';
import { requireMember } from './floor-access';
import type { CaucusMotions } from './ports/caucus-motions.port';

/**
 * What a principal may speak for as a mover (the domain's `actsFor` decides what that allows):
 * themself, the branches whose committee they chair or are secretary of, the executive (an EC
 * mandate), and — of the caucuses among `submitters` — those the caucuses context says they may
 * act for now. The one place motions, composites and their withdrawals find out who is acting.
 * Asked before the floor's transaction opens: the roster is on the caucuses' own connection, and
 * a transaction there inside this one would wait for it (one session on the embedded database).
 */
export async function moverOf(p: Principal, caucuses: CaucusMotions, submitters: readonly (Pick<Submitter, 'kind' | 'ref'> | null | undefined)[]): Promise<Actor> {
  const memberId = requireMember(p);
  const asked = [...new Set(submitters.flatMap((s) => (s?.kind === 'caucus' && s.ref ? [s.ref] : [])))];
  const mayActFor: string[] = [];
  for (const caucusId of asked) if (await caucuses.mayActFor(caucusId, memberId)) mayActFor.push(caucusId);
  return { memberId, officerOfBranches: p.branchesWhere(['chair', 'secretary']), executive: p.holds('EC'), caucuses: mayActFor };
}
