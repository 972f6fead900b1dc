import { Injectable } from '@nestjs/common';
import { EmailVerificationService } from '../intake/email-verification.service';
import { normalizeEmail } from '../../domain/case/case-access.policy';
import { personIdOfEmail, type ProceedingsActor } from './proceedings-actor';

/** The header part 1's non-member routes use for a confirmed address. */
export const VERIFICATION_TOKEN_HEADER = 'x-verification-token';

/**
 * A non-member complainant (S1: anyone may complain) has no account: they prove their address
 * with part 1's verification token. Part 2 accepts the same token on the routes a complainant
 * needs — their case's findings, an appeal, the notice under review, messages, matching — and
 * acts for them as `email:<address>`.
 */
@Injectable()
export class NonMemberComplainants {
  constructor(private readonly verifications: EmailVerificationService) {}

  async actorFor(token: string | undefined): Promise<ProceedingsActor> {
    const { email } = await this.verifications.emailFor(token);
    const address = normalizeEmail(email);
    return {
      personId: personIdOfEmail(address),
      memberId: null,
      caseActor: { verifiedEmail: address },
      isOfficer: false,
      bodies: [],
      auditRef: { id: null, kind: 'non_member_complainant' },
      findingActorKind: 'member',
    };
  }
}
