/** A text field's value from a submitted form ('' when absent: a file input is never read this way). */
export function formText(data: FormData, name: string): string {
  const value = data.get(name);
  return typeof value === 'string' ? value : '';
}
