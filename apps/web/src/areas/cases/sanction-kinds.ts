/**
 * The sanction kinds, as the API serves them (`GET /sanction-kinds`: the kernel's list, with the
 * disciplinary context's words for each): labels and which detail a panel writes with each. The
 * interface keeps no list of its own; the kinds' type comes from the generated OpenAPI types.
 */
import { useEffect, useState } from 'react';
import { api, type Get } from '../../api/client';

export type SanctionKindInfo = Get<'/sanction-kinds'>[number];
export type SanctionKindId = SanctionKindInfo['kind'];

let known: SanctionKindInfo[] | undefined;
let loading: Promise<SanctionKindInfo[]> | undefined;

/** Fetched once per page load and shared by every screen (a failure is retried on the next use). */
function loadSanctionKinds(): Promise<SanctionKindInfo[]> {
  loading ??= api.get('/sanction-kinds').then(
    (kinds) => (known = kinds),
    (e: unknown) => {
      loading = undefined;
      throw e;
    },
  );
  return loading;
}

export interface SanctionKinds {
  /** Undefined until loaded (or when the API could not be reached: labels then show the kind). */
  kinds: SanctionKindInfo[] | undefined;
  label: (k: SanctionKindId) => string;
}

/** The label alone, for code that is not a component (falls back to the kind until loaded). */
export function sanctionLabel(k: SanctionKindId): string {
  return known?.find((x) => x.kind === k)?.label ?? k.replace(/_/g, ' ');
}

export function useSanctionKinds(): SanctionKinds {
  const [kinds, setKinds] = useState(known);
  useEffect(() => {
    if (known) return;
    let alive = true;
    loadSanctionKinds().then(
      (k) => alive && setKinds(k),
      () => undefined,
    );
    return () => void (alive = false);
  }, []);
  return { kinds, label: (k) => kinds?.find((x) => x.kind === k)?.label ?? k.replace(/_/g, ' ') };
}
