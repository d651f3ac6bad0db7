import { useState } from 'react';
import { useSession } from '../../api/session';
import { Page } from '../../app/page';
import { Button } from '../../ui/button';
import { CheckboxGroupField } from '../../ui/checkbox-group-field';
import { momentInWords } from '../../ui/dates-in-words';
import { Form } from '../../ui/form';
import { FormError } from '../../ui/form-error';
import { Notice } from '../../ui/notice';
import { QueryState } from '../../ui/query-state';
import { TextField } from '../../ui/text-field';
import { useSubmit } from '../../ui/use-submit';
import { QueueLinks } from '../queues/queue-links';
import { AssociationRules } from './association-rules';
import { useDeliveryProblems, useInviteStaff, useSetStaffRoles, useStaffAccounts, type StaffAccount, type StaffRole } from './use-admin';
import { formText } from '../../ui/form-text.js';

const ROLES: { id: StaffRole; label: string }[] = [
  { id: 'coordinator', label: 'Coordinator' },
  { id: 'reviewer', label: 'Reviewer' },
  { id: 'exam_reviewer', label: 'Exam reviewer' },
];
const isWorkingRole = (role: string): role is StaffRole => ROLES.some((r) => r.id === role);

/**
 * An administrator runs the association: staff and their roles, invitations, the rules as
 * configured, and emails that did not arrive. An Alliance-wide administrator names the association.
 */
export function AdminPage() {
  const state = useSession();
  const own = state.status === 'signed-in' ? state.account.associationCode : null;
  const [chosen, setChosen] = useState('');
  const association = own ?? (chosen || undefined);
  return (
    <Page title="Administration" wide>
      {own === null && (
        <>
          <Notice tone="info">
            <p>You administer the whole Alliance. The background jobs (emails, reminders) have their own dashboard.</p>
            <p>
              <a href="/admin/queues">Open the queue dashboard</a>
            </p>
          </Notice>
          <Form
            className="form"
            onSubmit={(event) => {
              event.preventDefault();
              setChosen(formText(new FormData(event.currentTarget), 'association').trim());
            }}
          >
            <TextField name="association" label="Association code" description="For example MI-AIMH." isRequired maxLength={32} />
            <Button type="submit" variant="secondary">
              Show this association
            </Button>
          </Form>
        </>
      )}
      {association && (
        <>
          <Staff association={association} />
          <Invite association={association} alliance={own === null} />
          <DeliveryProblems association={own === null ? association : undefined} />
          <AssociationRules code={association} />
        </>
      )}
    </Page>
  );
}

function Staff({ association }: { association: string }) {
  const staff = useStaffAccounts(association);
  return (
    <section aria-labelledby="staff-heading">
      <h2 id="staff-heading">Staff and their roles</h2>
      <QueryState query={staff}>
        {({ accounts }) => (
          <ul className="cards">
            {accounts.map((account) => (
              <StaffMember key={account.id} account={account} />
            ))}
          </ul>
        )}
      </QueryState>
    </section>
  );
}

function StaffMember({ account }: { account: StaffAccount }) {
  const set = useSetStaffRoles(account.id);
  const [roles, setRoles] = useState<string[]>(account.roles.filter(isWorkingRole));
  const submit = useSubmit(async () => {
    await set.mutateAsync(roles.filter(isWorkingRole));
  });
  return (
    <li className="card">
      <h3>{account.fullName}</h3>
      <p className="muted">
        {account.email}
        {account.roles.includes('administrator') ? ' · administrator' : ''}
        {account.active ? '' : ' · has not accepted the invitation yet'}
      </p>
      <Form className="form" {...submit.formProps}>
        <CheckboxGroupField label={`Roles of ${account.fullName}`} options={ROLES} value={roles} onChange={setRoles} />
        <FormError problem={submit.problem} />
        {set.isSuccess && !set.isPending && <p role="status">Saved. The new roles apply the next time {account.fullName} signs in.</p>}
        <Button type="submit" variant="secondary" isPending={submit.pending} isDisabled={roles.length === 0} aria-label={`Save roles of ${account.fullName}`}>
          Save roles
        </Button>
      </Form>
    </li>
  );
}

function Invite({ association, alliance }: { association: string; alliance: boolean }) {
  const invite = useInviteStaff();
  const [roles, setRoles] = useState<string[]>([]);
  const submit = useSubmit(async (fields, form) => {
    await invite.mutateAsync({
      email: fields.email,
      fullName: fields.fullName,
      roles: roles.filter(isWorkingRole),
      ...(alliance ? { associationCode: association } : {}),
    });
    form.reset();
    setRoles([]);
  });
  return (
    <section aria-labelledby="invite-heading">
      <h2 id="invite-heading">Invite a staff member</h2>
      {invite.isSuccess && <Notice tone="success">The invitation is sent. The link in it works for 7 days.</Notice>}
      <Form className="form" {...submit.formProps}>
        <TextField name="fullName" label="Their full name" isRequired maxLength={200} />
        <TextField name="email" label="Their email address" type="email" isRequired maxLength={254} />
        <CheckboxGroupField name="roles" label="Their roles" options={ROLES} value={roles} onChange={setRoles} isRequired />
        <FormError problem={submit.problem} />
        <Button type="submit" isPending={submit.pending}>
          Send the invitation
        </Button>
      </Form>
    </section>
  );
}

function DeliveryProblems({ association }: { association: string | undefined }) {
  const problems = useDeliveryProblems(association);
  return (
    <section aria-labelledby="delivery-heading">
      <h2 id="delivery-heading">Emails that did not arrive</h2>
      <QueryState query={problems}>
        {({ items }) =>
          items.length === 0 ? (
            <p>Every email was delivered.</p>
          ) : (
            <>
              <p>
                An email about each of these applications bounced or could not be sent. Open the application: check the address, replace it if it is wrong (a
                reference rater’s address too), or phone the person. Work addresses often block our emails; a personal address usually works.
              </p>
              <QueueLinks items={items} since={(at) => `waiting since ${momentInWords(at)}`} />
            </>
          )
        }
      </QueryState>
    </section>
  );
}
