import type { ReactNode } from 'react';
import type { Loaded } from './hooks';
import { ErrorAlert, SelectField } from './kit';

/** A column mapping as both import screens list it (GET /imports/mappings, GET /dues/import-mappings). */
export interface MappingChoiceItem {
  name: string;
  builtIn: boolean;
  definition: { description?: unknown };
}

/**
 * The column-mapping choice of an import screen (members, bank file): the saved and built-in
 * mappings, what the chosen one reads, and — with none chosen — the platform's own format
 * (`children`).
 */
export function MappingChoice({ hint, value, mappings, onChange, children }: { hint: string; value: string; mappings: Pick<Loaded<readonly MappingChoiceItem[]>, 'data' | 'error' | 'loading'>; onChange: (name: string) => void; children: ReactNode }) {
  const chosen = mappings.data?.find((m) => m.name === value);
  return (
    <>
      <SelectField label="Column mapping" hint={hint} value={value} disabled={mappings.loading && !mappings.data} onChange={(e) => onChange(e.target.value)}>
        <option value="">None: the platform&apos;s own columns</option>
        {(mappings.data ?? []).map((m) => (
          <option key={m.name} value={m.name}>
            {m.name}
            {m.builtIn ? ' (built in)' : ' (saved)'}
          </option>
        ))}
      </SelectField>
      <ErrorAlert error={mappings.error} title="The saved mappings could not be loaded" />
      {chosen ? <p>{typeof chosen.definition.description === 'string' ? chosen.definition.description : `The columns are read through the mapping "${chosen.name}".`}</p> : children}
    </>
  );
}
