/**
 * The mailbox an address delivers to, for telling whether two addresses reach the same person:
 * case and surrounding spaces ignored, and a "+tag" after the local part dropped. Sub-addressing
 * (RFC 5233) is delivered to the one mailbox by nearly every provider, so "ada+rater@x" is Ada; dots
 * are not dropped, as only Gmail ignores them and elsewhere "a.b" and "ab" are different people.
 */
export function mailboxKey(address: string): string {
  const normalised = address.trim().toLowerCase();
  const at = normalised.lastIndexOf('@');
  if (at < 0) return normalised;
  const local = normalised.slice(0, at);
  const plus = local.indexOf('+');
  return `${plus > 0 ? local.slice(0, plus) : local}${normalised.slice(at)}`;
}
