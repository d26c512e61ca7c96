import { beforeEach, describe, expect, it } from 'vitest';
import type { LiveCall } from '../../shared/ipc/phone.ts';
import { useAppStore } from './app-store.ts';

const call = (id: string) => ({ id, state: 'active' }) as LiveCall;

describe('app store', () => {
  beforeEach(() => useAppStore.setState({ calls: [], recording: {}, recordingPaused: {}, muted: {} }));

  it('forgets a call’s recording, pause and mute once the call has left the screen: a day of calls does not pile up', () => {
    const { setCalls, setRecording } = useAppStore.getState();
    setCalls([call('a'), call('b')]);
    setRecording('a', 'recording');
    setRecording('b', 'recording');
    useAppStore.setState({ recordingPaused: { a: true, b: false }, muted: { a: true, b: true } });

    setCalls([call('b')]);

    const { recording, recordingPaused, muted } = useAppStore.getState();
    expect(recording).toEqual({ b: 'recording' });
    expect(recordingPaused).toEqual({ b: false });
    expect(muted).toEqual({ b: true });
  });

  it('opens Settings at the section holding a field another screen sends the person to, and asks for that field once', () => {
    useAppStore.setState({ screen: 'calls', settingsSection: 'language', settingsFocus: null });
    useAppStore.getState().showSettingsField('company');
    expect(useAppStore.getState()).toMatchObject({ screen: 'settings', settingsSection: 'office', settingsFocus: 'company' });
    useAppStore.getState().settingsFocused();
    expect(useAppStore.getState()).toMatchObject({ screen: 'settings', settingsSection: 'office', settingsFocus: null });
  });

  it('keeps the notices to the last five, without repeats', () => {
    const { pushNotice } = useAppStore.getState();
    for (let i = 0; i < 300; i++) pushNotice('warning', `notice ${i % 7}`);
    const shown = useAppStore.getState().notices.map((n) => n.message);
    expect(shown).toHaveLength(5);
    expect(new Set(shown).size).toBe(5);
  });
});
