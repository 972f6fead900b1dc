import { Injectable } from '@nestjs/common';
import { EmailVerificationService } from '../intake/email-verification.service';
import { actorFromVerifiedEmail, type DisciplineActor } from './discipline-actor';

/** The header the non-member routes use for a confirmed address. */
export const VERIFICATION_TOKEN_HEADER = 'x-verification-token';

/**
 * A non-member complainant (S1: anyone may complain) has no account: they prove their address
 * with the verification token of intake. The proceedings accept the same token on the routes a
 * complainant needs — their case's findings, an appeal, the notice under review, messages,
 * matching — and act for them as `email:<address>`.
 */
@Injectable()
export class NonMemberComplainants {
  constructor(private readonly verifications: EmailVerificationService) {}

  async actorFor(token: string | undefined): Promise<DisciplineActor> {
    const { email } = await this.verifications.emailFor(token);
    return actorFromVerifiedEmail(email);
  }
}
