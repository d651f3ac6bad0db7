import { useState } from 'react';
import { Form } from '../ui/form';
import { Link } from 'react-router';
import { bareApi, call } from '../api/call';
import { Page } from '../app/page';
import { Button } from '../ui/button';
import { FormError } from '../ui/form-error';
import { Notice } from '../ui/notice';
import { NewPasswordField } from '../ui/password-field';
import { useSubmit } from '../ui/use-submit';
import { useLinkToken } from './link-token';

export function ResetPasswordPage() {
  const token = useLinkToken();
  const [done, setDone] = useState(false);
  const { formProps, pending, problem } = useSubmit(async ({ password }) => {
    await call(bareApi.POST('/api/v1/auth/password-resets', { body: { token: token ?? '', password } }));
    setDone(true);
  });

  return (
    <Page title="Choose a new password">
      {done ? (
        <Notice tone="success">
          Your password is changed. <Link to="/sign-in">Sign in with your new password</Link>.
        </Notice>
      ) : !token ? (
        <Notice tone="error">
          This link is incomplete. Open the link from the email again, or <Link to="/forgot-password">ask for a new one</Link>.
        </Notice>
      ) : (
        <Form {...formProps} className="form">
          <NewPasswordField />
          <FormError problem={problem} />
          {problem?.code === 'invalid_link' && (
            <p>
              <Link to="/forgot-password">Ask for a new link</Link>
            </p>
          )}
          <Button type="submit" isPending={pending}>
            Save my new password
          </Button>
        </Form>
      )}
    </Page>
  );
}
