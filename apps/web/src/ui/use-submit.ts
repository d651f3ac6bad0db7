import { useState, type FormEvent } from 'react';
import { ApiProblem } from '../api/problem';

/**
 * A form's submit: reads its fields, runs `action`, and keeps the API's problem for the form to
 * show (field errors beside their fields, the rest above the button). Nothing else is caught.
 */
export function useSubmit(action: (fields: Record<string, string>, form: HTMLFormElement) => Promise<void>) {
  const [pending, setPending] = useState(false);
  const [problem, setProblem] = useState<ApiProblem | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    const form = event.currentTarget;
    const fields = Object.fromEntries([...new FormData(form)].map(([k, v]) => [k, typeof v === 'string' ? v : v.name]));
    setPending(true);
    setProblem(null);
    try {
      await action(fields, form);
    } catch (error) {
      if (!(error instanceof ApiProblem)) throw error;
      setProblem(error);
    } finally {
      setPending(false);
    }
  }

  /** Spread on the shared <Form>: submit, and the API's field errors beside their fields. */
  const formProps = { onSubmit, validationErrors: problem?.fieldErrors };
  return { formProps, pending, problem };
}
