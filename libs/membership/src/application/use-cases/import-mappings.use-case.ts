import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { Principal } from '@org/identity';
import { DomainError } from '@org/kernel';
import { Clock } from '@org/platform';
import { BUILT_IN_MEMBER_MAPPINGS, checkMemberImportMapping, MembershipErrorCode, type MemberImportMapping } from '../../domain';
import { requireRegisterScope } from '../access-scope';
import { MembershipAudit } from '../membership-audit';

export interface SavedImportMapping {
  name: string;
  builtIn: boolean;
  definition: MemberImportMapping;
  savedAt: string | null;
  version: number;
}

const NAME = /^[a-z0-9][a-z0-9_-]{0,63}$/;

/**
 * Column mappings for the member import, saved by name for the organization (anyone who may
 * import may save one; each save is audited). Built-in ones (`civicrm`, `action-network`, `spreadsheet`) are
 * always there; a saved mapping of the same name replaces the built-in one.
 */
@Injectable()
export class ImportMappingsUseCase {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly audit: MembershipAudit,
    private readonly clock: Clock,
  ) {}

  async save(p: Principal, name: string, definition: unknown): Promise<SavedImportMapping> {
    requireRegisterScope(p);
    checkName(name);
    const problems = checkMemberImportMapping(definition);
    if (problems.length > 0) {
      throw new DomainError('invalid', MembershipErrorCode.csvMappingInvalid, `The mapping "${name}" cannot be saved: ${problems.join('; ')}.`, { problems });
    }
    const def = definition as MemberImportMapping;
    return this.ds.transaction(async (m) => {
      const now = this.clock.now();
      const [row] = await m.query(
        `INSERT INTO membership.import_mappings (name, definition, saved_by, saved_at) VALUES ($1, $2::jsonb, $3, $4)
         ON CONFLICT (name) DO UPDATE SET definition = EXCLUDED.definition, saved_by = EXCLUDED.saved_by, saved_at = EXCLUDED.saved_at, version = import_mappings.version + 1
         RETURNING version`,
        [name, JSON.stringify(def), p.memberId, now],
      );
      await this.audit.record(m, { actorId: p.memberId, action: 'import-mapping.saved', subjectType: 'import-mapping', subjectId: name, data: { version: row.version } });
      return { name, builtIn: false, definition: def, savedAt: now.toISOString(), version: row.version };
    });
  }

  async list(p: Principal): Promise<SavedImportMapping[]> {
    requireRegisterScope(p);
    const saved = await this.saved(this.ds.manager, null);
    const out = new Map<string, SavedImportMapping>();
    for (const [name, definition] of Object.entries(BUILT_IN_MEMBER_MAPPINGS)) out.set(name, { name, builtIn: true, definition, savedAt: null, version: 0 });
    for (const s of saved) out.set(s.name, s);
    return [...out.values()].sort((a, b) => a.name.localeCompare(b.name));
  }

  async get(p: Principal, name: string): Promise<SavedImportMapping> {
    requireRegisterScope(p);
    checkName(name);
    return this.resolve(this.ds.manager, name);
  }

  /** The mapping an import uses: the saved one of that name, else the built-in one. */
  async resolve(m: EntityManager, name: string): Promise<SavedImportMapping> {
    checkName(name);
    const [saved] = await this.saved(m, name);
    if (saved) return saved;
    const builtIn = BUILT_IN_MEMBER_MAPPINGS[name];
    if (builtIn) return { name, builtIn: true, definition: builtIn, savedAt: null, version: 0 };
    throw new DomainError('not_found', MembershipErrorCode.importMappingNotFound, `There is no import mapping named "${name}". List them with GET /imports/mappings, or save one with PUT /imports/mappings/${name}.`);
  }

  private async saved(m: EntityManager, name: string | null): Promise<SavedImportMapping[]> {
    const rows: { name: string; definition: MemberImportMapping | string; saved_at: Date | string; version: number }[] = await m.query(
      `SELECT name, definition, saved_at, version FROM membership.import_mappings WHERE ($1::text IS NULL OR name = $1) ORDER BY name`,
      [name],
    );
    return rows.map((r) => ({
      name: r.name,
      builtIn: false,
      definition: typeof r.definition === 'string' ? JSON.parse(r.definition) : r.definition,
      savedAt: new Date(r.saved_at).toISOString(),
      version: Number(r.version),
    }));
  }
}

function checkName(name: string): void {
  if (!NAME.test(name)) {
    throw new DomainError('invalid', MembershipErrorCode.csvMappingInvalid, 'A mapping name is 1 to 64 lower-case letters, digits, "-" or "_", starting with a letter or digit (e.g. civicrm-2024).', { field: 'name' });
  }
}
