import { useMemo, useState, type FormEvent } from 'react';
import { Form as AriaForm, type FormProps } from 'react-aria-components';

const NO_ERRORS: NonNullable<FormProps['validationErrors']> = {};

/**
 * A form whose answers the API checks: nothing is refused in the browser, the API's field errors
 * (in plain words) appear beside their fields (`validationErrors`, keyed by field name), and they
 * update as the person types. One place for every rule, and no layout jump between a click's press
 * and its release, which the browser's own checks caused when their message vanished on blur.
 */
export function Form({ validationErrors = NO_ERRORS, ...props }: FormProps) {
  // Fields the person has changed since the API's answer: their errors are gone at the first keystroke,
  // not on blur, so a message vanishing cannot move the button between a click's press and release.
  // Keyed by the errors' content, so a caller may build the object afresh on every render.
  const answer = JSON.stringify(validationErrors);
  const [edited, setEdited] = useState({ answer, fields: new Set<string>() });
  const fields = edited.answer === answer ? edited.fields : new Set<string>();
  if (edited.answer !== answer) setEdited({ answer, fields });

  const shown = useMemo(
    () => Object.fromEntries(Object.entries(validationErrors).filter(([field]) => !fields.has(field))),
    // The content, not the object: a new object for the same errors would make React Aria show again what was cleared.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [answer, fields],
  );

  function clearOnEdit(event: FormEvent<HTMLFormElement>): void {
    const name = (event.target as HTMLInputElement).name;
    if (name && name in validationErrors && !fields.has(name)) setEdited({ answer, fields: new Set(fields).add(name) });
  }

  // React Aria's types leave `onInput` out of a form's props, but it passes it on to the <form>.
  const onInput = { onInput: clearOnEdit } as Partial<FormProps>;
  return <AriaForm {...props} {...onInput} validationErrors={shown} validationBehavior="aria" />;
}
