import { Injectable } from '@nestjs/common';
import { Clock } from '@org/platform';
import { FindingRepository } from '../ports/finding.repository';
import { SanctionEffectsWriter } from '../ports/sanction-effects.port';
import { CaseGate } from '../access/case-gate.service';
import { FindingFinality } from './finding-finality';
import { DisciplineTransactions } from '../ports/discipline-transactions.port';

/**
 * The scheduled finality job (S7, S9): every notified finding whose appeal window has passed
 * with no appeal becomes final — each in its own transaction, in which the sanction takes
 * effect and the outcome notice is composed. Then suspensions whose end has come are lifted.
 * Idempotent: a finding already final, or appealed meanwhile, is left alone.
 */
@Injectable()
export class FinalizeFindingsJob {
  constructor(
    private readonly db: DisciplineTransactions,
    private readonly findings: FindingRepository,
    private readonly gate: CaseGate,
    private readonly finality: FindingFinality,
    private readonly sanctions: SanctionEffectsWriter,
    private readonly clock: Clock,
  ) {}

  async runOnce(): Promise<{ finalized: number; suspensionsLifted: number }> {
    const now = this.clock.now();
    let finalized = 0;
    for (;;) {
      const due = await this.db.read((db) => this.findings.dueForFinality(db, now, 50));
      let progressed = 0;
      for (const { findingId, caseId } of due) {
        const done = await this.db.transaction(async (m) => {
          const file = await this.gate.file(m, caseId, { forUpdate: true });
          const finding = file.finding(findingId);
          if (!finding) return false;
          const t = finding.finalizeIfAppealWindowPassed(now.toISOString());
          if (t.events.length === 0) return false;
          await this.finality.takeEffect(m, file, t.next, t.events, now);
          return true;
        });
        if (done) progressed++;
      }
      finalized += progressed;
      if (due.length < 50 || progressed === 0) break;
    }
    const suspensionsLifted = await this.db.transaction((m) => this.sanctions.liftEndedSuspensions(m, now));
    return { finalized, suspensionsLifted };
  }
}
