import type { CallOutcome } from '../../shared/ipc/calls.ts';

export const outcomeText: Record<CallOutcome, string> = {
  information: 'Information only',
  'offer-sent': 'Offer sent',
  'meeting-booked': 'Meeting booked',
  deferred: 'Deferred',
  sold: 'Sold',
  'not-a-target': 'Not a target',
  lost: 'Lost',
};
