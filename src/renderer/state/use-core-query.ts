import { useEffect, useRef, useState } from 'react';
import type { CorePeer } from '../api/connect-to-core.ts';
import { runAction } from '../core/core-connection.ts';
import { useAppStore, type AppState } from './app-store.ts';

/**
 * Data fetched from the core and fetched again when `key` changes, when the core says that kind
 * of data changed, or after a reconnect. A late answer to an older key is dropped.
 */
export function useCoreQuery<T>(key: string, watch: keyof AppState['dataVersion'], query: (api: CorePeer) => Promise<T>): T | null {
  const [result, setResult] = useState<T | null>(null);
  const version = useAppStore((s) => s.dataVersion[watch]);
  const connected = useAppStore((s) => s.connection.status === 'connected');
  const latestQuery = useRef(query);
  useEffect(() => {
    latestQuery.current = query;
  });
  useEffect(() => {
    if (!connected) return;
    let current = true;
    void runAction((api) => latestQuery.current(api)).then((value) => {
      if (current && value !== undefined) setResult(value);
    });
    return () => {
      current = false;
    };
  }, [key, version, connected]);
  return result;
}
