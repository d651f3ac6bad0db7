import { useState, type FormEvent } from 'react';
import { ApiProblem } from '../api/problem';

/**
 * A form's submit: reads its fields, runs `action`, and keeps the API's problem for the form to
 * show (field errors beside their fields, the rest above the button). Nothing else is caught.
 */
export function useSubmit(action: (fields: Record<string, string>, form: HTMLFormElement) => Promise<void>) {
  const [pending, setPending] = useState(false);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  // Fields the person has changed since the API's answer: their errors are gone at the first keystroke,
  // not on blur, so a message vanishing cannot move the button between a click's press and release.
  const [edited, setEdited] = useState<ReadonlySet<string>>(new Set());

  async function onSubmit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    const form = event.currentTarget;
    const fields = Object.fromEntries([...new FormData(form)].map(([k, v]) => [k, String(v)]));
    setPending(true);
    setProblem(null);
    setEdited(new Set());
    try {
      await action(fields, form);
    } catch (error) {
      if (!(error instanceof ApiProblem)) throw error;
      setProblem(error);
    } finally {
      setPending(false);
    }
  }

  function onInput(event: FormEvent<HTMLFormElement>): void {
    const name = (event.target as HTMLInputElement).name;
    if (name && problem?.fieldErrors[name] && !edited.has(name)) setEdited(new Set(edited).add(name));
  }

  const validationErrors = Object.fromEntries(Object.entries(problem?.fieldErrors ?? {}).filter(([field]) => !edited.has(field)));
  /** Spread on the <Form>: submit, the errors beside the fields, and their clearing as the person types. */
  const formProps = { onSubmit, onInput, validationErrors };
  return { formProps, onSubmit, pending, problem, validationErrors };
}
