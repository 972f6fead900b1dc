/**
 * The election methods, as the API's registry (`GET /elections/methods`, from libs/elections)
 * defines them: labels, descriptions and which are ranked. The interface keeps no list of its own.
 */
import { useEffect, useState } from 'react';
import { api, type Get } from '../../api/client';

export type ElectionMethodInfo = Get<'/elections/methods'>[number];
export type ElectionMethodId = ElectionMethodInfo['id'];

let known: ElectionMethodInfo[] | undefined;
let loading: Promise<ElectionMethodInfo[]> | undefined;

/** Fetched once per page load and shared by every screen (a failure is retried on the next use). */
function loadElectionMethods(): Promise<ElectionMethodInfo[]> {
  loading ??= api.get('/elections/methods').then(
    (methods) => (known = methods),
    (e: unknown) => {
      loading = undefined;
      throw e;
    },
  );
  return loading;
}

export interface ElectionMethods {
  /** Undefined until loaded (or when the API could not be reached: labels then show the method's id). */
  methods: ElectionMethodInfo[] | undefined;
  ready: boolean;
  label: (m: ElectionMethodId) => string;
  ranked: (m: ElectionMethodId) => boolean;
}

export function useElectionMethods(): ElectionMethods {
  const [methods, setMethods] = useState(known);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    if (known) return;
    let alive = true;
    loadElectionMethods().then(
      (m) => alive && setMethods(m),
      () => alive && setFailed(true),
    );
    return () => void (alive = false);
  }, []);
  const find = (m: ElectionMethodId) => methods?.find((x) => x.id === m);
  return { methods, ready: !!methods || failed, label: (m) => find(m)?.label ?? m, ranked: (m) => find(m)?.ranked ?? false };
}
