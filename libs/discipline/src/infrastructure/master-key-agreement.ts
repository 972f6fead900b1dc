import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { ConfigError, LOGGER, query, type Logger } from '@org/platform';
import { keyAgreement, masterKeyCheck } from '../crypto';
import { DisciplineKeys } from '../application/case-content/discipline-keys';
import { DisciplineDb } from './discipline-db';

/**
 * S11 across processes: every API process on one database must hold the same active discipline
 * master key, or one would wrap case keys the others cannot unwrap. At start, before anything
 * is sealed, the process compares the keyed check of its active key with the one the database
 * records (the first start records it: one `INSERT … ON CONFLICT DO NOTHING`, so two processes
 * starting at once record one value and both compare against it). A process whose ring does not
 * hold the recorded key refuses to start; one that holds it but has another key active is a
 * rotation, and records its active key. The check is never logged.
 */
@Injectable()
export class MasterKeyAgreement implements OnModuleInit {
  constructor(
    private readonly keys: DisciplineKeys,
    private readonly db: DisciplineDb,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async onModuleInit(): Promise<void> {
    const ring = this.keys.ring();
    const mine = masterKeyCheck(ring.activeKey);
    await this.db.transaction(async (m) => {
      await m.query(
        `INSERT INTO discipline.master_key_check (only_row, key_check, key_id, recorded_at) VALUES (true, $1, $2, now()) ON CONFLICT (only_row) DO NOTHING`,
        [mine, ring.activeKeyId],
      );
      const [recorded] = await query<{ key_check: string; key_id: string }>(m, `SELECT key_check, key_id FROM discipline.master_key_check WHERE only_row FOR UPDATE`);
      const agreement = keyAgreement(recorded.key_check, ring);
      if (agreement.kind === 'refused') {
        throw new ConfigError(
          'DISCIPLINE_KEY',
          `(or DISCIPLINE_KEY_FILE) is not the discipline master key the other processes on this database use (the database records key "${recorded.key_id}"), ` +
            'so this process would seal cases they cannot open and could not open theirs. Give every process the same DISCIPLINE_KEY or DISCIPLINE_KEY_FILE. ' +
            'To change the key: put the new key after the old one in DISCIPLINE_KEY_FILE on every process, restart them, then run `npm run discipline:rotate-key`.',
        );
      }
      if (agreement.kind === 'rotated') {
        await m.query(`UPDATE discipline.master_key_check SET key_check = $1, key_id = $2, recorded_at = now() WHERE only_row`, [mine, ring.activeKeyId]);
        this.logger.warn(
          { fromKeyId: agreement.fromKeyId, activeKeyId: ring.activeKeyId },
          'the discipline master key is changing: this process wraps new case keys under its active key; restart every other process with the same key file',
        );
      }
    });
  }
}
