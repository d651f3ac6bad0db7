const DAY = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const MOMENT = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', hour: 'numeric', minute: '2-digit' });

/** A calendar day (YYYY-MM-DD) in words: "15 March 2027", whatever the browser's time zone. */
export function formatDay(day: string): string {
  return DAY.format(new Date(`${day.slice(0, 10)}T00:00:00Z`));
}

/** A moment in words, in the reader's own time: "15 March 2027, 14:05". */
export function formatMoment(at: string): string {
  return MOMENT.format(new Date(at));
}
