import type { EligibilityGap, GapCode } from './eligibility-gap.types.js';

/** Rounds to hundredths, so that 10.1 + 10.1 + 9.8 is 30 and not 29.999…; inputs have at most 2 decimals. */
export function round(value: number): number {
  return Math.round(value * 100) / 100;
}

export function sumHours(hours: readonly number[]): number {
  return hours.reduce((total, h) => total + Math.round(h * 100), 0) / 100;
}

/** "A", "A or B", "A, B or C". */
export function joinOr(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`;
}

/** How much of a number of hours is still missing, for messages: "0.5 more hours", "1 more hour". */
export function moreHours(missing: number): string {
  return `${missing} more ${missing === 1 ? 'hour' : 'hours'}`;
}

/** One gap when `actual` is below `required`; the message gets both, and what is missing, as text. */
export function whenShort(
  code: GapCode,
  actual: number,
  required: number,
  message: (actual: string, required: string, missing: number) => string,
): EligibilityGap[] {
  if (actual >= required) return [];
  const missing = round(required - actual);
  return [{ code, message: message(String(actual), String(required), missing), details: { required, actual, missing } }];
}
