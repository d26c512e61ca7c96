import { isTelephonyDevice, lampReport, readField, telephonyLayout, type HeadsetButton, type HeadsetLamp, type ReportField, type TelephonyLayout } from '../../shared/headset/telephony-report-layout.ts';

export interface HeadsetEvents {
  /** A call button changed (its previous and new value). */
  onButton(button: HeadsetButton, field: ReportField, previous: number, value: number): void;
  /** The headset in use, by its name, or null when none is connected. */
  onConnected(name: string | null): void;
}

/** Telephony devices only: the chooser lists headsets and handsets with call buttons. */
const TELEPHONY_FILTER: HIDDeviceFilter[] = [{ usagePage: 0x0b }];

/**
 * A headset's call buttons and lamps through WebHID. Once the person has chosen their headset,
 * the browser (or the desktop app's permission handler) remembers it, and it is connected at
 * every start and whenever it is plugged in again, without asking.
 */
export class WebHidHeadset {
  private readonly hid: HID;
  private readonly events: HeadsetEvents;
  private device: HIDDevice | null = null;
  private layout: TelephonyLayout = { buttons: {}, outputs: [] };
  private values: Partial<Record<HeadsetButton, number>> = {};
  private lamps: Partial<Record<HeadsetLamp, boolean>> = {};

  constructor(hid: HID, events: HeadsetEvents) {
    this.hid = hid;
    this.events = events;
    hid.addEventListener('connect', () => void this.connectKnown());
    hid.addEventListener('disconnect', (event) => {
      if (event.device !== this.device) return;
      this.device = null;
      this.events.onConnected(null);
    });
  }

  /** Connects a headset chosen before, if one is plugged in. */
  async connectKnown(): Promise<void> {
    if (this.device) return;
    const known = (await this.hid.getDevices()).find((d) => isTelephonyDevice(d.collections));
    if (known) await this.use(known);
  }

  /** Asks for the headset to use (needs a click: browsers allow the chooser only then). */
  async choose(): Promise<void> {
    const [chosen] = await this.hid.requestDevice({ filters: TELEPHONY_FILTER });
    if (chosen) await this.use(chosen);
  }

  /** Shows the calls' state on the headset's lamps; sent only when something changed. */
  async setLamps(lamps: Record<HeadsetLamp, boolean>): Promise<void> {
    const device = this.device;
    if (!device || JSON.stringify(lamps) === JSON.stringify(this.lamps)) return;
    this.lamps = lamps;
    for (const output of this.layout.outputs) await device.sendReport(output.reportId, lampReport(output, lamps)).catch(() => undefined);
  }

  private async use(device: HIDDevice): Promise<void> {
    if (!device.opened) await device.open();
    this.device = device;
    this.layout = telephonyLayout(device.collections);
    this.values = {};
    this.lamps = {};
    device.addEventListener('inputreport', (event) => this.read(event));
    this.events.onConnected(device.productName || 'Headset');
  }

  private read(event: HIDInputReportEvent): void {
    for (const [button, field] of Object.entries(this.layout.buttons) as [HeadsetButton, ReportField][]) {
      if (field.reportId !== event.reportId) continue;
      const value = readField(event.data, field);
      const previous = this.values[button] ?? 0;
      if (value === previous) continue;
      this.values[button] = value;
      this.events.onButton(button, field, previous, value);
    }
  }
}
