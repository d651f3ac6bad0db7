import { Form } from '../ui/form';
import { useNavigate } from 'react-router';
import { bareApi, call } from '../api/call';
import { session } from '../api/session';
import { Page } from '../app/page';
import { Button } from '../ui/button';
import { FormError } from '../ui/form-error';
import { Notice } from '../ui/notice';
import { NewPasswordField } from '../ui/password-field';
import { TextField } from '../ui/text-field';
import { useSubmit } from '../ui/use-submit';
import { useLinkToken } from './link-token';

/** Where an invited person (staff, or the first administrator) sets their name and password. */
export function AcceptInvitationPage() {
  const token = useLinkToken();
  const navigate = useNavigate();
  const { formProps, pending, problem } = useSubmit(async ({ fullName, password }) => {
    const account = await call(bareApi.POST('/api/v1/auth/invitations/accept', { body: { token: token ?? '', fullName, password } }));
    await session.signIn(account.email, password);
    void navigate('/', { replace: true });
  });

  return (
    <Page title="Accept your invitation">
      {!token ? (
        <Notice tone="error">This link is incomplete. Open the link from your invitation email again, or ask the person who invited you for a new one.</Notice>
      ) : (
        <Form {...formProps} className="form">
          <p>You have been invited to work in the endorsement system. Choose how your name appears and a password to sign in with.</p>
          <TextField label="Your full name" name="fullName" autoComplete="name" isRequired maxLength={200} />
          <NewPasswordField />
          <FormError problem={problem} />
          <Button type="submit" isPending={pending}>
            Accept and sign in
          </Button>
        </Form>
      )}
    </Page>
  );
}
