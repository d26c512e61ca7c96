/**
 * Who a desk without a SIP address is, in what it stores (a call's agent, the audit log's actor).
 * Stored as this fixed value, never shown as it is: each window words it in its language.
 */
export const DESK_WITHOUT_ADDRESS = 'this desk';
