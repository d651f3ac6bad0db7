import { useState } from 'react';
import { Form } from '../ui/form';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { bareApi, call } from '../api/call';
import { ApiProblem } from '../api/problem';
import { session } from '../api/session';
import { Page } from '../app/page';
import { safeNext } from '../app/safe-next';
import { Button } from '../ui/button';
import { FormError } from '../ui/form-error';
import { Notice } from '../ui/notice';
import { NewPasswordField } from '../ui/password-field';
import { QueryState } from '../ui/query-state';
import { SelectField } from '../ui/select-field';
import { TextField } from '../ui/text-field';
import { useSubmit } from '../ui/use-submit';
import { useAssociations } from './use-associations';

export function RegisterPage() {
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const associations = useAssociations();
  const [received, setReceived] = useState<string>();
  const { formProps, pending, problem } = useSubmit(async ({ fullName, email, password, associationCode }) => {
    const answer = await call(bareApi.POST('/api/v1/auth/register', { body: { fullName, email, password, associationCode } }));
    // The answer never says whether the address already had an account: signing in tells the person.
    try {
      await session.signIn(email, password);
      void navigate(safeNext(params.get('next')), { replace: true });
    } catch (error) {
      if (!(error instanceof ApiProblem) || error.code !== 'invalid_credentials') throw error;
      setReceived(answer.message);
    }
  });

  return (
    <Page title="Create an account">
      {received ? (
        <Notice tone="info">
          <p>{received}</p>
          <p>
            If you already had an account with this email address, <Link to="/sign-in">sign in</Link> or <Link to="/forgot-password">reset your password</Link>.
          </p>
        </Notice>
      ) : (
        <QueryState query={associations} loading="Loading the list of associations…">
          {({ items: list }) => (
            <Form {...formProps} className="form">
              <p>With an account you can apply for endorsement, follow your application, and renew each year.</p>
              <SelectField
                label="Your association"
                name="associationCode"
                isRequired
                description="The association for the state or region where you work."
                items={list.map((a) => ({ id: a.code, label: a.name }))}
              />
              <TextField
                label="Your full name"
                name="fullName"
                autoComplete="name"
                isRequired
                maxLength={200}
                description="As it should appear on your certificate."
              />
              <TextField
                label="Email address"
                name="email"
                type="email"
                autoComplete="email"
                isRequired
                description="A personal address is best: some work email systems block our messages."
              />
              <NewPasswordField />
              <FormError problem={problem} />
              <Button type="submit" isPending={pending}>
                Create my account
              </Button>
            </Form>
          )}
        </QueryState>
      )}
      <p>
        Already have an account? <Link to="/sign-in">Sign in</Link>
      </p>
    </Page>
  );
}
