import { useState } from 'react';
import { Form } from '../ui/form';
import { Link } from 'react-router';
import { bareApi, call } from '../api/call';
import { Page } from '../app/page';
import { Button } from '../ui/button';
import { FormError } from '../ui/form-error';
import { Notice } from '../ui/notice';
import { TextField } from '../ui/text-field';
import { useSubmit } from '../ui/use-submit';

export function ForgotPasswordPage() {
  const [sentTo, setSentTo] = useState<string>();
  const { formProps, pending, problem } = useSubmit(async ({ email }) => {
    await call(bareApi.POST('/api/v1/auth/password-reset-requests', { body: { email } }));
    setSentTo(email);
  });

  return (
    <Page title="Reset your password">
      {sentTo ? (
        <Notice tone="success">
          <p>
            If an account uses <strong>{sentTo}</strong>, we have sent it an email with a link to choose a new password. The link works for a limited time and
            only once.
          </p>
          <p>No email after a few minutes? Check your spam or junk folder, then try again.</p>
        </Notice>
      ) : (
        <Form {...formProps} className="form">
          <p>Enter the email address you use to sign in. We will email you a link to choose a new password.</p>
          <TextField label="Email address" name="email" type="email" autoComplete="email" isRequired />
          <FormError problem={problem} />
          <Button type="submit" isPending={pending}>
            Email me a link
          </Button>
        </Form>
      )}
      <p>
        <Link to="/sign-in">Back to sign in</Link>
      </p>
    </Page>
  );
}
