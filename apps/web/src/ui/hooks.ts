import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../api/client';

export interface Loaded<T> {
  data: T | undefined;
  error: ApiError | undefined;
  loading: boolean;
  reload: () => void;
  set: (t: T) => void;
}

const asApiError = (e: unknown): ApiError => (e instanceof ApiError ? e : new ApiError(0, 'client_error', e instanceof Error ? e.message : String(e)));

/** Loads data for a screen; aborts when the screen goes away or the inputs change. */
export function useLoad<T>(fn: (signal: AbortSignal) => Promise<T>, deps: unknown[]): Loaded<T> {
  const [state, setState] = useState<{ data?: T; error?: ApiError; loading: boolean }>({ loading: true });
  const [tick, setTick] = useState(0);
  useEffect(() => {
    const ctrl = new AbortController();
    // A reload keeps what is on screen; a failed reload shows its error next to it.
    setState((s) => ({ ...s, loading: true, error: undefined }));
    fn(ctrl.signal).then(
      (data) => !ctrl.signal.aborted && setState({ data, loading: false }),
      (e) => !ctrl.signal.aborted && (e as Error)?.name !== 'AbortError' && setState((st) => ({ data: st.data, error: asApiError(e), loading: false })),
    );
    return () => ctrl.abort();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, tick]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  const set = useCallback((data: T) => setState({ data, loading: false }), []);
  return { data: state.data, error: state.error, loading: state.loading, reload, set };
}

/** A user action (a form submit): busy flag, the API's error, and the last result. */
export function useAction<A extends unknown[], R>(fn: (...args: A) => Promise<R>) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | undefined>();
  const [result, setResult] = useState<R | undefined>();
  const alive = useRef(true);
  // Set on every mount: React's development mode mounts, unmounts and mounts again, and a screen
  // that only ever cleared the flag would never show an action's result.
  useEffect(() => {
    alive.current = true;
    return () => void (alive.current = false);
  }, []);
  const run = useCallback(
    async (...args: A): Promise<R | undefined> => {
      setBusy(true);
      setError(undefined);
      try {
        const r = await fn(...args);
        if (alive.current) setResult(r);
        return r;
      } catch (e) {
        if (alive.current) setError(asApiError(e));
        return undefined;
      } finally {
        if (alive.current) setBusy(false);
      }
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [fn],
  );
  return { run, busy, error, result, setResult, clearError: () => setError(undefined) };
}
