const FORMAT = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** A date as people write it ("15 March 2027"), from an ISO date or timestamp. */
export function dateInWords(iso: string): string {
  // A calendar day (YYYY-MM-DD) is read as that day; a timestamp as its day in UTC.
  return FORMAT.format(new Date(iso.length === 10 ? `${iso}T12:00:00Z` : iso));
}
