import { useState } from 'react';
import { api } from '../api/api';
import { call } from '../api/call';
import { useSession } from '../api/session';
import { Page } from '../app/page';
import { Button } from '../ui/button';
import { Form } from '../ui/form';
import { FormError } from '../ui/form-error';
import { Notice } from '../ui/notice';
import { NewPasswordField } from '../ui/password-field';
import { TextField } from '../ui/text-field';
import { useSubmit } from '../ui/use-submit';
import { useAssociations } from './use-associations';

/** The signed-in person's account: who they are, their association, and a new password. */
export function AccountPage() {
  const state = useSession();
  const associations = useAssociations();
  const [changed, setChanged] = useState(false);
  const { formProps, pending, problem } = useSubmit(async ({ currentPassword, newPassword }, form) => {
    setChanged(false);
    await call(api.POST('/api/v1/auth/password-changes', { body: { currentPassword, newPassword } }));
    form.reset();
    setChanged(true);
  });
  if (state.status !== 'signed-in') return null;
  const { account } = state;
  const association = associations.data?.items.find((a) => a.code === account.associationCode);

  return (
    <Page title="My account">
      <dl className="facts">
        <dt>Name</dt>
        <dd>{account.fullName}</dd>
        <dt>Email address</dt>
        <dd>{account.email}</dd>
        <dt>Association</dt>
        <dd>{account.associationCode ? (association?.name ?? account.associationCode) : 'None (Alliance-wide)'}</dd>
      </dl>
      <h2>Change your password</h2>
      <Form {...formProps} className="form">
        <TextField label="Current password" name="currentPassword" type="password" autoComplete="current-password" isRequired />
        <NewPasswordField name="newPassword" />
        <FormError problem={problem} />
        {changed && (
          <div role="status">
            <Notice tone="success">Your password is changed. Use it the next time you sign in.</Notice>
          </div>
        )}
        <Button type="submit" isPending={pending}>
          Change my password
        </Button>
      </Form>
    </Page>
  );
}
