import { describe, expect, it } from 'vitest';
import type { Clock } from '../../shared/clock.ts';
import { ACCESS_POLICY } from '../../shared/ipc/access-policy.ts';
import type { SettingsPatch } from '../../shared/ipc/settings.ts';
import { ADMIN_UNLOCK_MS, createAdminGate, type ClientSession } from '../admin/admin-session.ts';
import type { ModuleHandlers, ModuleMethod } from './core-module.ts';
import { guardedHandlers, type AccessChecks } from './enforce-access.ts';

const methods = (Object.keys(ACCESS_POLICY) as (keyof typeof ACCESS_POLICY)[]).filter((m): m is ModuleMethod => m !== 'session.hello');

function desk(options: { pinSet?: boolean; callAgent?: string | null; newDesk?: boolean } = {}) {
  let now = 1_000_000;
  const clock: Clock = { now: () => now, setTimeout: () => 0, clearTimeout: () => undefined };
  const ran: string[] = [];
  const handlers = Object.fromEntries(methods.map((m) => [m, () => void ran.push(m)])) as unknown as ModuleHandlers<ModuleMethod>;
  const checks: AccessChecks = {
    gate: createAdminGate({ clock, pinSet: () => Promise.resolve(options.pinSet ?? true) }),
    actor: () => 'sip:101@office.example',
    callAgent: () => Promise.resolve(options.callAgent ?? null),
    changedAdminSettings: (patch: SettingsPatch) => (patch.recordingPolicy !== undefined ? ['recordingPolicy'] : []),
    assertNewDesk: () => (options.newDesk === false ? Promise.reject(Object.assign(new Error('closed'), { code: 'first-pin-closed' })) : Promise.resolve()),
  };
  const session: ClientSession = { adminUntil: 0 };
  const call = (method: ModuleMethod, params: unknown = {}) => (guardedHandlers(handlers, session, checks)[method] as (p: unknown) => Promise<unknown>)(params);
  return { ran, session, call, advance: (ms: number) => (now += ms), now: () => now, gate: checks.gate };
}

describe('the access policy in the RPC layer', () => {
  const adminMethods = methods.filter((m) => ACCESS_POLICY[m] === 'admin');

  it('refuses every admin method to a locked window with admin-locked, before its handler runs', async () => {
    expect(adminMethods.length).toBeGreaterThanOrEqual(17);
    const { ran, call } = desk();
    for (const method of adminMethods) await expect(call(method), method).rejects.toMatchObject({ code: 'admin-locked' });
    expect(ran).toEqual([]);
  });

  it('says admin-no-pin while no PIN is set', async () => {
    const { call } = desk({ pinSet: false });
    await expect(call('export.cancel', { exportId: 'x' })).rejects.toMatchObject({ code: 'admin-no-pin' });
  });

  it('lets an unlocked window through every admin method, and each admin action extends the unlock', async () => {
    const { ran, call, session, gate, advance, now } = desk();
    gate.unlock(session);
    for (const method of adminMethods) {
      advance(ADMIN_UNLOCK_MS - 1);
      await call(method);
      expect(session.adminUntil).toBe(now() + ADMIN_UNLOCK_MS);
    }
    expect(ran).toEqual(adminMethods);
    advance(ADMIN_UNLOCK_MS);
    await expect(call('scripts.save')).rejects.toMatchObject({ code: 'admin-locked' });
  });

  it('lets anyone at the desk call the desk methods', async () => {
    const deskMethods = methods.filter((m) => ACCESS_POLICY[m] === 'desk');
    const { ran, call } = desk();
    for (const method of deskMethods) await call(method);
    expect(ran).toEqual(deskMethods);
  });

  it("shows a scoring to the call's own agent, and another agent's only to an admin", async () => {
    await desk({ callAgent: 'sip:101@office.example' }).call('scoring.view', { callId: 'c1' });
    const other = desk({ callAgent: 'sip:102@office.example' });
    await expect(other.call('scoring.view', { callId: 'c1' })).rejects.toMatchObject({ code: 'admin-locked' });
    other.gate.unlock(other.session);
    await other.call('scoring.view', { callId: 'c1' });
    expect(other.ran).toEqual(['scoring.view']);
  });

  it('asks for the PIN only when a settings save changes an admin setting', async () => {
    const { ran, call } = desk();
    await call('settings.update', { language: 'el' });
    await expect(call('settings.update', { recordingPolicy: 'never' })).rejects.toMatchObject({ code: 'admin-locked' });
    expect(ran).toEqual(['settings.update']);
  });

  it('lets the set-up guide set the first PIN only on a new desk', async () => {
    await desk({ newDesk: true }).call('setup.setFirstAdminPin', { pin: '1234' });
    const used = desk({ newDesk: false });
    await expect(used.call('setup.setFirstAdminPin', { pin: '1234' })).rejects.toMatchObject({ code: 'first-pin-closed' });
    expect(used.ran).toEqual([]);
  });
});
