import { DomainError, type Tx } from '@org/kernel';
import { one, query } from './sql';

/**
 * Column mappings saved by name for the organization, one store for every import that reads
 * another tool's export (members, payments): each save of a name is a new version, the built-in
 * mappings are always there (a saved mapping of the same name replaces one), and a mapping is
 * checked before it is saved. Each context keeps its mappings in its own table (same shape:
 * `name` primary key, `definition` jsonb, `saved_by`, `saved_at`, `version`) and says, through
 * `NamedMappingTerms`, what its mappings are called, how to check one and which error codes it owns.
 * The caller runs `save` in its transaction and records its own audit entry there.
 */
export interface SavedMapping<D> {
  name: string;
  builtIn: boolean;
  definition: D;
  savedAt: string | null;
  version: number;
}

export interface NamedMappingTerms<D> {
  /** The schema-qualified table, e.g. `membership.import_mappings`. */
  table: string;
  builtIns: Readonly<Record<string, D>>;
  /** Every problem of a definition, in words; empty when it can be saved. */
  check: (definition: unknown) => string[];
  /** What a person calls one ("mapping", "payments mapping"). */
  noun: string;
  /** A name to show as an example (e.g. civicrm-2024). */
  exampleName: string;
  /** The route that lists them, and the one that saves one (with `{name}`). */
  listRoute: string;
  saveRoute: string;
  codes: { invalid: string; notFound: string };
}

const NAME = /^[a-z0-9][a-z0-9_-]{0,63}$/;

interface MappingRow<D> {
  name: string;
  definition: D | string;
  saved_at: Date | string;
  version: number | string;
}

export class NamedMappingStore<D> {
  constructor(private readonly terms: NamedMappingTerms<D>) {}

  /** Saves a new version of the named mapping (the first is version 1), in the caller's transaction. */
  async save(tx: Tx, name: string, definition: unknown, savedBy: string | null, now: Date): Promise<SavedMapping<D>> {
    const def = this.checked(name, definition);
    const row = await one<{ version: number | string }>(
      tx,
      `INSERT INTO ${this.terms.table} AS t (name, definition, saved_by, saved_at) VALUES ($1, $2::jsonb, $3, $4)
       ON CONFLICT (name) DO UPDATE SET definition = EXCLUDED.definition, saved_by = EXCLUDED.saved_by, saved_at = EXCLUDED.saved_at, version = t.version + 1
       RETURNING version`,
      [name, JSON.stringify(def), savedBy, now],
    );
    return { name, builtIn: false, definition: def, savedAt: now.toISOString(), version: Number(row.version) };
  }

  /** Refuses a bad name or definition, naming every problem; the definition otherwise. */
  checked(name: string, definition: unknown): D {
    this.checkName(name);
    const problems = this.terms.check(definition);
    if (problems.length > 0) {
      throw new DomainError('invalid', this.terms.codes.invalid, `The ${this.terms.noun} "${name}" cannot be saved: ${problems.join('; ')}.`, { problems });
    }
    return definition as D;
  }

  /** Every mapping: the built-in ones and the saved ones (a saved one replaces a built-in one of the same name), by name. */
  async list(tx: Tx): Promise<SavedMapping<D>[]> {
    const out = new Map<string, SavedMapping<D>>();
    for (const [name, definition] of Object.entries(this.terms.builtIns)) out.set(name, { name, builtIn: true, definition, savedAt: null, version: 0 });
    for (const s of await this.saved(tx, null)) out.set(s.name, s);
    return [...out.values()].sort((a, b) => a.name.localeCompare(b.name));
  }

  /** The mapping an import uses: the saved one of that name, else the built-in one. */
  async resolve(tx: Tx, name: string): Promise<SavedMapping<D>> {
    this.checkName(name);
    const [saved] = await this.saved(tx, name);
    if (saved) return saved;
    const builtIn = this.terms.builtIns[name];
    if (builtIn) return { name, builtIn: true, definition: builtIn, savedAt: null, version: 0 };
    throw new DomainError(
      'not_found',
      this.terms.codes.notFound,
      `There is no ${this.terms.noun} named "${name}". List them with GET ${this.terms.listRoute}, or save one with PUT ${this.terms.saveRoute.replace('{name}', name)}.`,
    );
  }

  private checkName(name: string): void {
    if (!NAME.test(name)) {
      throw new DomainError('invalid', this.terms.codes.invalid, `A mapping name is 1 to 64 lower-case letters, digits, "-" or "_", starting with a letter or digit (e.g. ${this.terms.exampleName}).`, { field: 'name' });
    }
  }

  private async saved(tx: Tx, name: string | null): Promise<SavedMapping<D>[]> {
    const rows = await query<MappingRow<D>>(tx, `SELECT name, definition, saved_at, version FROM ${this.terms.table} WHERE ($1::text IS NULL OR name = $1) ORDER BY name`, [name]);
    return rows.map((r) => ({
      name: r.name,
      builtIn: false,
      definition: typeof r.definition === 'string' ? (JSON.parse(r.definition) as D) : r.definition,
      savedAt: new Date(r.saved_at).toISOString(),
      version: Number(r.version),
    }));
  }
}
