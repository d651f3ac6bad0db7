/** "31 December 2026" in the association's time zone: unambiguous for every member association. */
export function formatDate(date: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone }).format(date);
}
