import type { components } from '#api-client';

/** An amount of money as people read it, in the association's currency: "$30.00" (USD), "A$35.00" (AUD). */
export function money({ amount, currency }: components['schemas']['Money']): string {
  return new Intl.NumberFormat('en-US', { style: 'currency', currency }).format(amount);
}
