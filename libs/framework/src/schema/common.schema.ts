import { IANAZone } from 'luxon';
import { z } from 'zod';

// Bounds here only keep malformed data out; the rules themselves live in config/.

/** Codes for levels, tracks, areas, roles: stable identifiers that data and portfolios refer to. */
export const snakeCodeSchema = z.string().regex(/^[a-z][a-z0-9_]{0,63}$/, 'must be a snake_case code');

/** Category codes (IFA, IMHS …). */
export const categoryCodeSchema = z.string().regex(/^[A-Z][A-Z0-9]{1,15}$/, 'must be an upper-case code');

/** Credentials an endorsee holds: a category code, or a track's code such as IMHM-C. */
export const credentialCodeSchema = z.string().regex(/^[A-Z][A-Z0-9]{1,15}(-[A-Z]{1,4})?$/, 'must be a credential code such as IMHS or IMHM-C');

export const labelSchema = z.string().trim().min(1, 'must not be empty').max(300);

export const hoursSchema = z.number().min(0).max(10_000);

export const monthsSchema = z.number().int().min(0).max(600);

export const daysSchema = z.number().int().min(1).max(3_660);

export const moneySchema = z.number().min(0).max(1_000_000);

// Non-leap-year month lengths: a yearly date must exist every year, so 02-29 is refused.
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** A yearly date such as "12-31". */
export const monthDaySchema = z.string().refine(
  (v) => {
    const match = /^(\d{2})-(\d{2})$/.exec(v);
    if (!match) return false;
    const month = Number(match[1]);
    const day = Number(match[2]);
    return month >= 1 && month <= 12 && day >= 1 && day <= DAYS_IN_MONTH[month - 1];
  },
  { message: 'must be MM-DD' },
);

export const timeZoneSchema = z.string().refine((v) => IANAZone.isValidZone(v), { message: 'must be an IANA time zone such as America/Detroit' });

export const calendarMonthSchema = z.number().int().min(1).max(12);
