// The diagnosis of a closed connection, computed once per (connection,
// timeline length, locale) — the timeline can hold 100k records.

import { useMemo } from 'preact/hooks';
import { diagnoseClose, type Diagnosis } from '../../core/diagnose';
import { usePanel } from '../context';
import type { Connection } from '../store/model';

export function useDiagnosis(connection: Connection): Diagnosis | null {
  const { env, locale } = usePanel();
  const network = env.actions.networkEvidence?.(connection, locale);
  return useMemo(
    () => diagnoseClose(network ? { ...connection, network } : connection, { locale, browser: env.browser }),
    [connection, connection.timeline.length, connection.close, locale, env.browser, network],
  );
}
