/**
 * Where a headset's call buttons and lamps sit in its HID reports, read from the report
 * descriptor the browser parsed (WebHID's collections). Usages are the HID Usage Tables':
 * telephony page 0x0B for buttons, LED page 0x08 for lamps.
 */
const TELEPHONY = 0x0b;
const LED = 0x08;

const BUTTONS = { hookSwitch: 0x0b0020, flash: 0x0b0021, hold: 0x0b0023, drop: 0x0b0026, phoneMute: 0x0b002f } as const;
const LAMPS = { mute: 0x080009, offHook: 0x080017, ring: 0x080018, hold: 0x080020 } as const;

export type HeadsetButton = keyof typeof BUTTONS;
export type HeadsetLamp = keyof typeof LAMPS;

export interface ReportField {
  reportId: number;
  /** From the start of the report's data (the report ID byte excluded, as WebHID gives it). */
  bitOffset: number;
  bitSize: number;
  /** A state (on-hook / off-hook) rather than a press that toggles. */
  absolute: boolean;
}

export interface OutputReport {
  reportId: number;
  bytes: number;
  lamps: Partial<Record<HeadsetLamp, ReportField>>;
}

export interface TelephonyLayout {
  buttons: Partial<Record<HeadsetButton, ReportField>>;
  outputs: OutputReport[];
}

/** The descriptor's shape, as much as is read here (WebHID's HIDCollectionInfo). */
export interface CollectionInfo {
  usagePage?: number | undefined;
  children?: CollectionInfo[] | undefined;
  inputReports?: ReportInfo[] | undefined;
  outputReports?: ReportInfo[] | undefined;
}

interface ReportInfo {
  reportId?: number | undefined;
  items?: ItemInfo[] | undefined;
}

interface ItemInfo {
  isAbsolute?: boolean | undefined;
  isArray?: boolean | undefined;
  isRange?: boolean | undefined;
  usages?: number[] | undefined;
  usageMinimum?: number | undefined;
  usageMaximum?: number | undefined;
  reportSize?: number | undefined;
  reportCount?: number | undefined;
}

/** Whether a device has a telephony collection (a headset or handset with call buttons). */
export function isTelephonyDevice(collections: readonly CollectionInfo[]): boolean {
  return collections.some((c) => c.usagePage === TELEPHONY);
}

/**
 * The call buttons and lamps of the device's telephony collections. Array items (a report field
 * holding the index of the pressed usage) are not read: the headsets tried send buttons as flags.
 */
export function telephonyLayout(collections: readonly CollectionInfo[]): TelephonyLayout {
  const layout: TelephonyLayout = { buttons: {}, outputs: [] };
  const visit = (collection: CollectionInfo) => {
    for (const report of collection.inputReports ?? []) {
      for (const { usage, field } of fieldsOf(report)) {
        const button = nameOf(BUTTONS, usage);
        if (button && !layout.buttons[button]) layout.buttons[button] = field;
      }
    }
    for (const report of collection.outputReports ?? []) {
      const output: OutputReport = { reportId: report.reportId ?? 0, bytes: Math.ceil(bitsOf(report) / 8), lamps: {} };
      for (const { usage, field } of fieldsOf(report)) {
        const lamp = nameOf(LAMPS, usage);
        if (lamp && !output.lamps[lamp]) output.lamps[lamp] = field;
      }
      if (Object.keys(output.lamps).length > 0) layout.outputs.push(output);
    }
    for (const child of collection.children ?? []) visit(child);
  };
  for (const collection of collections) if (collection.usagePage === TELEPHONY || collection.usagePage === LED) visit(collection);
  return layout;
}

/** A field's value in a report (little-endian bits, as HID lays them out). */
export function readField(data: DataView, field: ReportField): number {
  let value = 0;
  for (let bit = 0; bit < field.bitSize; bit++) {
    const at = field.bitOffset + bit;
    const byte = at >> 3;
    if (byte >= data.byteLength) return 0;
    if ((data.getUint8(byte) >> (at & 7)) & 1) value |= 1 << bit;
  }
  return value;
}

/** The bytes of an output report with the given lamps on; lamps the report lacks are ignored. */
export function lampReport(output: OutputReport, on: Partial<Record<HeadsetLamp, boolean>>): Uint8Array<ArrayBuffer> {
  const data = new Uint8Array(output.bytes);
  for (const [lamp, field] of Object.entries(output.lamps) as [HeadsetLamp, ReportField][]) {
    if (!on[lamp]) continue;
    data[field.bitOffset >> 3]! |= 1 << (field.bitOffset & 7);
  }
  return data;
}

function* fieldsOf(report: ReportInfo): Generator<{ usage: number; field: ReportField }> {
  let offset = 0;
  for (const item of report.items ?? []) {
    const size = item.reportSize ?? 0;
    const count = item.reportCount ?? 0;
    if (!item.isArray) {
      for (let i = 0; i < count; i++) {
        const usage = item.isRange ? (item.usageMinimum ?? 0) + i : item.usages?.[Math.min(i, (item.usages?.length ?? 1) - 1)];
        if (usage !== undefined && (!item.isRange || usage <= (item.usageMaximum ?? usage))) {
          yield { usage, field: { reportId: report.reportId ?? 0, bitOffset: offset + i * size, bitSize: size, absolute: item.isAbsolute ?? true } };
        }
      }
    }
    offset += size * count;
  }
}

function bitsOf(report: ReportInfo): number {
  return (report.items ?? []).reduce((sum, item) => sum + (item.reportSize ?? 0) * (item.reportCount ?? 0), 0);
}

function nameOf<K extends string>(table: Record<K, number>, usage: number): K | undefined {
  return (Object.keys(table) as K[]).find((key) => table[key] === usage);
}
