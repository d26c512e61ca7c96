import type { CollectionInfo } from '../../shared/headset/telephony-report-layout.ts';

/**
 * A headset's collections as WebHID gives them, shaped on a common USB headset: a telephony
 * collection whose input report 3 holds hook switch (a state), phone mute (a press), flash, a
 * keypad array, padding, two ranged usages and drop; output report 2 holds the off-hook, mute,
 * ring and hold lamps. Shared by the unit tests and the e2e's simulated headset.
 */
export const JABRA_LIKE_COLLECTIONS: CollectionInfo[] = [
  {
    usagePage: 0x0b,
    inputReports: [
      {
        reportId: 3,
        items: [
          { isAbsolute: true, usages: [0x0b0020], reportSize: 1, reportCount: 1 },
          { isAbsolute: false, usages: [0x0b002f], reportSize: 1, reportCount: 1 },
          { isAbsolute: true, usages: [0x0b0021], reportSize: 1, reportCount: 1 },
          { isArray: true, usages: [0x0b00b0, 0x0b00b1, 0x0b00b2], reportSize: 4, reportCount: 1 },
          { usages: [], reportSize: 1, reportCount: 1 },
          { isRange: true, usageMinimum: 0x0b0097, usageMaximum: 0x0b0098, reportSize: 1, reportCount: 2 },
          { isAbsolute: true, usages: [0x0b0026], reportSize: 1, reportCount: 1 },
        ],
      },
    ],
    outputReports: [
      {
        reportId: 2,
        items: [
          { usages: [0x080017, 0x080009, 0x080018], reportSize: 1, reportCount: 3 },
          { usages: [0x080020], reportSize: 1, reportCount: 1 },
          { usages: [], reportSize: 4, reportCount: 1 },
        ],
      },
      { reportId: 5, items: [{ usages: [0x0b009e], reportSize: 1, reportCount: 1 }] },
    ],
  },
  { usagePage: 0xff30, inputReports: [{ reportId: 4, items: [{ usages: [0xff300001], reportSize: 8, reportCount: 2 }] }] },
];
