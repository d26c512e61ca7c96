import { useCallback, useEffect, useState } from 'react';
import type { AdminStatus } from '../../shared/ipc/admin.ts';
import { useAppStore } from '../state/app-store.ts';
import { runAction } from '../core/core-connection.ts';

/** Whether this window holds the admin PIN (read on connect); `refresh` reads it again, `set` takes an answer the core gave. */
export function useAdminStatus(): { status: AdminStatus | null; refresh(): void; set(status: AdminStatus): void } {
  const [status, setStatus] = useState<AdminStatus | null>(null);
  const connected = useAppStore((s) => s.connection.status === 'connected');
  const refresh = useCallback(() => {
    void runAction((api) => api.call('admin.status', {})).then((next) => next && setStatus(next));
  }, []);
  useEffect(() => {
    if (connected) refresh();
  }, [connected, refresh]);
  return { status, refresh, set: setStatus };
}
