import { describe, expect, it } from 'vitest';
import { locationFromHash, locationHash } from './screen-location.ts';

describe('the screen and section in the address', () => {
  it('names the section on Settings and Admin, only the screen elsewhere', () => {
    expect(locationHash({ screen: 'settings', settingsSection: 'answering', adminSection: 'recording' })).toBe('#settings/answering');
    expect(locationHash({ screen: 'admin', settingsSection: 'answering', adminSection: 'scorecard' })).toBe('#admin/scorecard');
    expect(locationHash({ screen: 'contacts', settingsSection: 'answering', adminSection: 'scorecard' })).toBe('#contacts');
  });

  it('reads back what it wrote', () => {
    expect(locationFromHash('#settings/pbx')).toEqual({ screen: 'settings', settingsSection: 'pbx' });
    expect(locationFromHash('#admin/audit')).toEqual({ screen: 'admin', adminSection: 'audit' });
    expect(locationFromHash('#stats')).toEqual({ screen: 'stats' });
  });

  it('leaves out what it does not know, so an old or edited address opens the defaults', () => {
    expect(locationFromHash('')).toEqual({});
    expect(locationFromHash('#nowhere')).toEqual({});
    expect(locationFromHash('#settings/nowhere')).toEqual({ screen: 'settings' });
    expect(locationFromHash('#admin/pbx')).toEqual({ screen: 'admin' });
    expect(locationFromHash('#calls/pbx')).toEqual({ screen: 'calls' });
  });
});
