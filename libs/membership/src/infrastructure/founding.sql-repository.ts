import { Injectable } from '@nestjs/common';
import { one, type Tx } from '@org/platform';
import { FoundingRepository, type ExistingData } from '../application/ports/founding.repository';

@Injectable()
export class FoundingSqlRepository extends FoundingRepository {
  async lockAndCount(m: Tx): Promise<Pick<ExistingData, 'organization' | 'branches' | 'members'>> {
    await m.query(`SELECT pg_advisory_xact_lock(hashtext('commons:founding-act'))`);
    return one<Pick<ExistingData, 'organization' | 'branches' | 'members'>>(
      m,
      `SELECT (SELECT count(*) FROM membership.organization)::int AS organization,
              (SELECT count(*) FROM membership.branches)::int AS branches,
              (SELECT count(*) FROM membership.members)::int AS members`,
    );
  }

  async insertOrganization(m: Tx, o: { name: string; timeZone: string; locale: string; currency: string; fileSha256: string; foundedAt: Date }): Promise<void> {
    await m.query(`INSERT INTO membership.organization (name, time_zone, locale, currency, founding_file_sha256, founded_at) VALUES ($1, $2, $3, $4, $5, $6)`, [
      o.name,
      o.timeZone,
      o.locale,
      o.currency,
      o.fileSha256,
      o.foundedAt,
    ]);
  }

  async insertRegion(m: Tx, r: { code: string; name: string }): Promise<string> {
    const row = await one<{ id: string }>(m, `INSERT INTO membership.regions (code, name) VALUES ($1, $2) RETURNING id`, [r.code, r.name]);
    return row.id;
  }

  async setBranchRegion(m: Tx, branchId: string, regionId: string): Promise<void> {
    await m.query(`UPDATE membership.branches SET region_id = $2 WHERE id = $1`, [branchId, regionId]);
  }
}
