/** The Admin screen's parts, one shown at a time; the order is the sub-navigation's. */
export const adminSections = ['recording', 'export', 'retention', 'scripts', 'scorecard', 'audit', 'refused', 'pin'] as const;
export type AdminSection = (typeof adminSections)[number];
