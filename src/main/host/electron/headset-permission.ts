import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Session } from 'electron';
import { z } from 'zod';
import { isTelephonyDevice } from '../../../shared/headset/telephony-report-layout.ts';
import { writeFileAtomic } from '../../settings/atomic-write.ts';

const chosenSchema = z.object({ vendorId: z.number().int(), productId: z.number().int() });
type ChosenHeadset = z.infer<typeof chosenSchema>;

/**
 * WebHID in the desktop app: Electron shows no chooser, so when the person asks to use their
 * headset's buttons the first telephony device is taken and remembered (`headset.json`). From
 * then on that headset, and only it, is granted to Ringside's own page at every start, with no
 * question asked. Nothing but telephony devices is ever offered.
 */
export function handleHeadsetPermission(session: Session, dataDir: string, isOwnOrigin: (origin: string) => boolean): void {
  const file = join(dataDir, 'headset.json');
  const read = (): ChosenHeadset | null => {
    try {
      return existsSync(file) ? chosenSchema.parse(JSON.parse(readFileSync(file, 'utf8'))) : null;
    } catch {
      return null;
    }
  };
  let chosen = read();
  session.on('select-hid-device', (event, details, callback) => {
    event.preventDefault();
    const headset = details.deviceList.find((device) => isTelephonyDevice(device.collections));
    if (headset) {
      chosen = { vendorId: headset.vendorId, productId: headset.productId };
      writeFileAtomic(file, JSON.stringify(chosen));
    }
    callback(headset?.deviceId ?? null);
  });
  session.setDevicePermissionHandler((details) => {
    if (details.deviceType !== 'hid' || !isOwnOrigin(details.origin) || !chosen) return false;
    const device = details.device as { vendorId: number; productId: number };
    return device.vendorId === chosen.vendorId && device.productId === chosen.productId;
  });
}
