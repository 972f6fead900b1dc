import { createHash, randomBytes, randomInt, randomUUID, timingSafeEqual } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { AuditLog } from '@org/audit';
import { DomainError } from '@org/kernel';
import { Outbox } from '@org/notifications';
import { Clock } from '@org/platform';
import { normalizeEmail } from '../../domain';
import { DisciplineTransactions } from '../ports/discipline-transactions.port';
import { DISCIPLINE_SETTINGS, type DisciplineSettings } from '../discipline-settings';
import { EmailVerificationRepository } from '../ports/email-verification.repository';

const EMAIL_RE = /^[^\s@<>",;]+@[^\s@<>",;]+\.[^\s@<>",;]+$/;
const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');
const invalidCode = () =>
  new DomainError('invalid', 'discipline.verification_failed', 'This code is wrong or has expired. Ask for a new code and try again.');

/**
 * A non-member proves an email address before filing (S1: anyone may complain): a six-digit
 * code goes to the address through the notifications outbox; the code confirms the address and
 * gives a token (valid for a day) with which the person files and later follows their case.
 * Codes and tokens are stored only as hashes. The email says nothing about a complaint or the
 * commission — only that a confirmation code was asked for.
 */
@Injectable()
export class EmailVerificationService {
  constructor(
    private readonly db: DisciplineTransactions,
    private readonly repo: EmailVerificationRepository,
    private readonly outbox: Outbox,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
    @Inject(DISCIPLINE_SETTINGS) private readonly settings: DisciplineSettings,
  ) {}

  async request(rawEmail: string): Promise<{ verificationId: string; expiresAt: string }> {
    const email = normalizeEmail(rawEmail ?? '');
    if (!EMAIL_RE.test(email) || email.length > 254) {
      throw new DomainError('invalid', 'discipline.invalid_email', 'Give a valid email address: the code will be sent there.');
    }
    const now = this.clock.now();
    const { codeMinutes } = this.settings.verification;
    return this.db.transaction(async (tx) => {
      if ((await this.repo.recentCount(tx, email, new Date(now.getTime() - 3_600_000))) >= 5) {
        throw new DomainError('rate_limited', 'discipline.too_many_codes', 'Too many codes were asked for this address. Wait an hour and try again.');
      }
      const id = randomUUID();
      const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
      const expiresAt = new Date(now.getTime() + codeMinutes * 60_000);
      await this.repo.insert(tx, { id, email, codeHash: sha256(`${id}:${code}`), createdAt: now, expiresAt });
      // `confirmation-code` is secret (scrubbed from the stored notice once sent) and confidential
      // (the dead-letter list names no recipient): who asks for a code may be approaching the commission.
      await this.outbox.enqueue(tx, { type: 'confirmation-code', recipient: { email }, essential: true, data: { code, validMinutes: codeMinutes } });
      await this.audit.record(
        tx,
        { actorId: null, actorKind: 'anonymous', context: 'discipline', action: 'email-verification.requested', subjectType: 'discipline.email-verification', subjectId: id, data: {} },
        now,
      );
      return { verificationId: id, expiresAt: expiresAt.toISOString() };
    });
  }

  async confirm(verificationId: string, code: string): Promise<{ verificationToken: string; expiresAt: string }> {
    const now = this.clock.now();
    const { maxAttempts, tokenHours } = this.settings.verification;
    const result = await this.db.transaction(async (tx) => {
      const row = /^[0-9a-f-]{36}$/i.test(verificationId) ? await this.repo.lock(tx, verificationId) : null;
      if (!row || row.confirmedAt !== null || row.expiresAt <= now || row.attempts >= maxAttempts) return null;
      const given = Buffer.from(sha256(`${row.id}:${String(code ?? '').trim()}`), 'hex');
      if (!timingSafeEqual(given, Buffer.from(row.codeHash, 'hex'))) {
        await this.repo.countAttempt(tx, row.id);
        return null;
      }
      const token = randomBytes(32).toString('base64url');
      const expiresAt = new Date(now.getTime() + tokenHours * 3_600_000);
      await this.repo.confirm(tx, row.id, now, sha256(token), expiresAt);
      await this.audit.record(
        tx,
        { actorId: null, actorKind: 'anonymous', context: 'discipline', action: 'email-verification.confirmed', subjectType: 'discipline.email-verification', subjectId: row.id, data: {} },
        now,
      );
      return { verificationToken: token, expiresAt: expiresAt.toISOString() };
    });
    if (!result) throw invalidCode();
    return result;
  }

  /** The verified address a token proves, or an "unauthenticated" error. */
  async emailFor(token: string | undefined): Promise<{ email: string; verifiedAt: string }> {
    const t = typeof token === 'string' ? token.trim() : '';
    const found = t.length >= 20 ? await this.db.transaction((tx) => this.repo.emailForToken(tx, sha256(t), this.clock.now())) : null;
    if (!found) {
      throw new DomainError(
        'unauthenticated',
        'discipline.verification_required',
        'Confirm your email address first (POST /complaints/email-verifications), then send the token you received as X-Verification-Token.',
      );
    }
    return { email: found.email, verifiedAt: found.confirmedAt.toISOString() };
  }
}
