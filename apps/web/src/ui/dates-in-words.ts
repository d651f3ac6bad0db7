// The web app's one way of writing dates: every page says them alike.
const DAY = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const LOCAL_DAY = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });
const MOMENT = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' });

/** A calendar day from the API ("2027-03-15", format date) in words: "15 March 2027", the same wherever the reader is. */
export function dayInWords(isoDate: string): string {
  return DAY.format(new Date(`${isoDate.slice(0, 10)}T00:00:00Z`));
}

/** A moment from the API (format date-time) in words, in the reader's own time: "15 March 2027 at 09:05". */
export function momentInWords(timestamp: string): string {
  return MOMENT.format(new Date(timestamp));
}

/** A moment's day only, in the reader's own time: "15 March 2027". */
export function momentDayInWords(timestamp: string): string {
  return LOCAL_DAY.format(new Date(timestamp));
}
