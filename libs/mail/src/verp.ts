/**
 * VERP: each message's envelope sender (Return-Path) names its ledger row, `bounces+<id>@<bounce
 * domain>`, so a bounce that arrives minutes later says by its address alone which message failed.
 */
export function verpAddress(deliveryId: string, bounceDomain: string): string {
  return `bounces+${deliveryId}@${bounceDomain}`;
}

const VERP = /^bounces\+([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})@(.+)$/i;

/** The ledger row a VERP address names, if it is one of ours for this bounce domain. */
export function deliveryIdFromVerp(address: string, bounceDomain: string): string | null {
  const match = VERP.exec(address.trim());
  return match && match[2].toLowerCase() === bounceDomain.toLowerCase() ? match[1].toLowerCase() : null;
}
