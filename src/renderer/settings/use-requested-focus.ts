import { useEffect, useRef } from 'react';
import { useAppStore } from '../state/app-store.ts';
import type { SettingsField } from './settings-fields.ts';

/** A ref for a Settings field's input, which takes the focus when another screen asked for that field. */
export function useRequestedFocus<T extends HTMLElement>(field: SettingsField) {
  const requested = useAppStore((s) => s.settingsFocus === field);
  const ref = useRef<T>(null);
  useEffect(() => {
    if (!requested || !ref.current) return;
    ref.current.focus();
    // Once: coming back to Settings later lands where the person left it, not on this field again.
    useAppStore.getState().settingsFocused();
  }, [requested]);
  return ref;
}
