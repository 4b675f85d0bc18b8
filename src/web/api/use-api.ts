// SPDX-License-Identifier: EUPL-1.2
import { useCallback, useEffect, useState } from 'react';
import { api, ProblemError } from './client.js';

export interface Loaded<T> {
  data: T | undefined;
  error: ProblemError | undefined;
  loading: boolean;
  reload: () => void;
}

/** Responses that hardly change during a visit (municipalities, role names), shared by all pages. */
const cache = new Map<string, Promise<unknown>>();

function load<T>(url: string, cached: boolean): Promise<T> {
  if (!cached) return api.get<T>(url);
  let pending = cache.get(url) as Promise<T> | undefined;
  if (!pending) {
    pending = api.get<T>(url);
    cache.set(url, pending);
    pending.catch(() => cache.delete(url));
  }
  return pending;
}

/** GETs `url` (null: nothing to load) and reloads when it changes or `reload()` is called. */
export function useApi<T>(url: string | null, options: { cache?: boolean } = {}): Loaded<T> {
  const cached = options.cache === true;
  const [state, setState] = useState<{ url: string | null; data?: T; error?: ProblemError; loading: boolean }>({ url, loading: url !== null });
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    if (url === null) {
      setState({ url, loading: false });
      return;
    }
    let cancelled = false;
    setState((s) => ({ url, data: s.url === url ? s.data : undefined, loading: true }));
    load<T>(url, cached && generation === 0).then(
      (data) => !cancelled && setState({ url, data, loading: false }),
      (error: unknown) =>
        !cancelled &&
        setState({ url, loading: false, error: error instanceof ProblemError ? error : new ProblemError(0, 'client_error', String(error), String(error), []) }),
    );
    return () => {
      cancelled = true;
    };
  }, [url, generation, cached]);
  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  const current = state.url === url;
  return { data: current ? state.data : undefined, error: current ? state.error : undefined, loading: current ? state.loading : url !== null, reload };
}
