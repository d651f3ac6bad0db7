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

/** One gap when `actual` is below `required`; the message gets both as text. */
export function whenShort(
  code: GapCode,
  actual: number,
  required: number,
  message: (actual: string, required: string) => string,
): EligibilityGap[] {
  if (actual >= required) return [];
  return [{ code, message: message(String(actual), String(required)), details: { required, actual } }];
}
