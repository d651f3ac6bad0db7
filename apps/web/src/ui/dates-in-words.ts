const DAY = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const LOCAL_DAY = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });
const MOMENT = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', hour: 'numeric', minute: '2-digit' });

/** A calendar day from the API ("2027-03-15") in words: "15 March 2027", the same wherever the reader is. */
export function dayInWords(isoDate: string): string {
  return DAY.format(new Date(`${isoDate.slice(0, 10)}T00:00:00Z`));
}

/** A moment from the API in words, in the reader's own time: "15 March 2027 at 14:05". */
export function momentInWords(timestamp: string): string {
  return MOMENT.format(new Date(timestamp));
}

/** A moment's day only, in the reader's own time: "15 March 2027". */
export function momentDayInWords(timestamp: string): string {
  return LOCAL_DAY.format(new Date(timestamp));
}

/** An amount of money: "$30.00" (USD), "A$35.00" (AUD). */
export function moneyInWords({ amount, currency }: { amount: number; currency: string }): string {
  return new Intl.NumberFormat('en-US', { style: 'currency', currency }).format(amount);
}
