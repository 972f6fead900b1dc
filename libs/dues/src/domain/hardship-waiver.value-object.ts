import { DomainError, IsoDate, isIsoDate } from '@org/kernel';
import { DuesErrorCode, invalidDate } from './dues.errors';

/**
 * A hardship waiver: no dues fall due for the months it covers. Waivers are for treasurers'
 * eyes only — the reason above all, hence its field name. Anything that leaves the treasurers'
 * screens goes through `withoutTreasurerOnlyFields`.
 *
 * Coverage: half-open `[from, to)`; a month is waived when the day its dues would first accrue
 * (normally the 1st) lies inside. So `from 2024-02-01, to 2024-05-01` waives February–April.
 */
export interface HardshipWaiver {
  id: string;
  memberId: string;
  from: IsoDate;
  to: IsoDate;
  /** Visible to treasurers only. Never log it, never put it in an event or a member-facing view. */
  treasurerOnlyReason: string;
  grantedBy: string;
  grantedOn: IsoDate;
}

export type WaiverPublicView = Omit<HardshipWaiver, 'treasurerOnlyReason'>;

export function grantHardshipWaiver(input: HardshipWaiver): HardshipWaiver {
  if (!input.id || !input.memberId) throw new DomainError('invalid', DuesErrorCode.invalidWaiver, 'A waiver needs an id and a member.', { field: 'memberId' });
  if (!isIsoDate(input.from)) throw invalidDate('from', input.from);
  if (!isIsoDate(input.to)) throw invalidDate('to', input.to);
  if (!isIsoDate(input.grantedOn)) throw invalidDate('grantedOn', input.grantedOn);
  if (input.to <= input.from) {
    throw new DomainError(
      'invalid',
      DuesErrorCode.waiverEndsBeforeStart,
      `The waiver would end on ${input.to}, not after it starts on ${input.from}. "to" is the first day no longer covered: use a later date.`,
      { field: 'to' },
    );
  }
  const reason = (input.treasurerOnlyReason ?? '').trim();
  if (reason === '' || reason.length > 2000) {
    throw new DomainError('invalid', DuesErrorCode.invalidWaiver, 'Record the reason for the waiver (at most 2000 characters); only treasurers will see it.', {
      field: 'treasurerOnlyReason',
    });
  }
  if (!input.grantedBy) throw new DomainError('invalid', DuesErrorCode.invalidWaiver, 'Record which treasurer granted the waiver.', { field: 'grantedBy' });
  return { ...input, treasurerOnlyReason: reason };
}

export function withoutTreasurerOnlyFields(waiver: HardshipWaiver): WaiverPublicView {
  const { treasurerOnlyReason: _hidden, ...rest } = waiver;
  return rest;
}
