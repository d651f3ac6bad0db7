import { Link, useParams } from 'react-router';
import type { components } from '#api-client';
import { ApiProblem } from '../api/problem';
import { Page } from '../app/page';
import { allows } from '../applications/allows';
import { useApplication } from '../applications/use-application';
import { codeInWords } from '../applications/plain-words';
import { usePartInView } from '../applications/use-part-in-view';
import { Button } from '../ui/button';
import { ChangeProblem } from '../ui/change-problem';
import { CheckboxField } from '../ui/checkbox-field';
import { dayInWords, momentDayInWords } from '../ui/dates-in-words';
import { Form } from '../ui/form';
import { FormError } from '../ui/form-error';
import { money } from '../ui/money';
import { QueryState } from '../ui/query-state';
import { TextField } from '../ui/text-field';
import { CeSection } from './ce-section';
import { Downloads } from './downloads';
import { endorsementCalls, useCeLog, useEndorsementChange, useEndorsements } from './use-endorsement';
import { formText } from '../ui/form-text.js';

type Endorsement = components['schemas']['Endorsement'];
type Application = components['schemas']['Application'];
type RenewStep = Extract<components['schemas']['PendingStep'], { step: 'renew' }>;

const STATUS_IN_WORDS: Record<string, string> = {
  endorsed: 'Current',
  renewal_due: 'Current: renewal is open',
  lapsed: 'Lapsed: not renewed in time',
  submitted: 'Reinstatement under way',
  reference_checks: 'Reinstatement under way: waiting for your references',
};

/**
 * An endorsement as its holder keeps it: the number and dates, the registry listing, continuing
 * education, renewal and reinstatement. A page of its own rather than a part of the application
 * page: it lasts for years after the application, and renewal emails link here.
 */
export function EndorsementPage() {
  const { applicationId = '' } = useParams();
  const endorsements = useEndorsements();
  const found = endorsements.data?.endorsements.find((e) => e.applicationId === applicationId);
  return (
    <Page title={found ? `Your ${found.displayName} Endorsement` : 'Your endorsement'}>
      <QueryState query={endorsements} loading="Loading your endorsement…">
        {() =>
          found ? (
            <EndorsementView endorsement={found} />
          ) : (
            <p role="alert" className="notice notice-error">
              We could not find this endorsement among yours. <Link to={`/applications/${applicationId}`}>See the application instead</Link>.
            </p>
          )
        }
      </QueryState>
    </Page>
  );
}

function EndorsementView({ endorsement: e }: { endorsement: Endorsement }) {
  const application = useApplication(e.applicationId);
  const ceLog = useCeLog();
  usePartInView(application.isSuccess && ceLog.isSuccess);
  return (
    <>
      <section id="endorsement" aria-labelledby="endorsement-heading" className="section">
        <h2 id="endorsement-heading">Endorsement {e.number}</h2>
        <dl className="facts">
          <dt>Status</dt>
          <dd>{STATUS_IN_WORDS[e.status] ?? codeInWords(e.status)}</dd>
          {e.endorsedAt && (
            <>
              <dt>Endorsed on</dt>
              <dd>{momentDayInWords(e.endorsedAt)}</dd>
            </>
          )}
          {e.renewalDueOn && (
            <>
              <dt>Renew by</dt>
              <dd>{dayInWords(e.renewalDueOn)}</dd>
            </>
          )}
        </dl>
        <p>
          <Link to={`/applications/${e.applicationId}`}>See the application’s history and emails</Link>
        </p>
      </section>
      <QueryState query={application} loading="Loading…">
        {(app) => (
          <>
            {(app.state === 'endorsed' || app.state === 'renewal_due') && <Downloads applicationId={e.applicationId} number={e.number} />}
            {allows(app, 'reinstate') ? <Reinstate app={app} /> : <RegistryListing endorsement={e} />}
            {app.pendingSteps.map((s) => s.step === 'renew' && <Renewal key="renew" step={s} status={e.status} />)}
          </>
        )}
      </QueryState>
      <QueryState query={ceLog} loading="Loading your continuing education…">
        {(log) => <CeSection log={log} />}
      </QueryState>
    </>
  );
}

function RegistryListing({ endorsement: e }: { endorsement: Endorsement }) {
  const change = useEndorsementChange((listed: boolean) => endorsementCalls.setListed(e.applicationId, listed));
  const listed = change.isPending ? change.variables : e.registryListed;
  return (
    <section id="registry" aria-labelledby="registry-heading" className="section">
      <h2 id="registry-heading">Public registry</h2>
      <p>The public registry lets employers and families check an endorsement. It shows your name, category, association and number, nothing else.</p>
      <CheckboxField isSelected={listed} isDisabled={change.isPending} onChange={(v) => change.mutate(v)}>
        List me in the public registry
      </CheckboxField>
      <p className="muted" role="status">
        {listed ? 'You are listed in the public registry.' : 'You are not listed in the public registry.'}
      </p>
      <FormError problem={change.error instanceof ApiProblem ? change.error : null} />
    </section>
  );
}

/** Renewal: the dates, the fee and the late fee, and the hours the API checks on submit. */
function Renewal({ step, status }: { step: RenewStep; status: string }) {
  const renew = useEndorsementChange(endorsementCalls.renew);
  const made = renew.data?.renewals[0];
  return (
    <section id="renewal" aria-labelledby="renewal-heading" className="section">
      <h2 id="renewal-heading">Renewal</h2>
      {made ? (
        <div className="notice notice-success" role="status">
          <p>
            Renewed. You paid {money(made.fee)}
            {made.fee.late ? ' (with the late fee)' : ''}. Your next renewal is due on {dayInWords(made.nextDueOn)}.
          </p>
        </div>
      ) : (
        <>
          <p>
            Renew by <strong>{dayInWords(step.dueOn)}</strong>. The fee is <strong>{money(step.fee)}</strong>; from {momentDayInWords(step.lateFeeFrom)} a late
            fee of {money(step.lateFee)} is added. If you have not renewed by {momentDayInWords(step.lapsesAt)}, your endorsement lapses and leaves the
            registry.
          </p>
          {status === 'renewal_due' ? (
            <>
              <p>
                When you renew, we check your approved continuing-education hours below. Renewing also renews your other endorsements due the same day, for one
                fee.
              </p>
              <Button onPress={() => renew.mutate(undefined)} isPending={renew.isPending}>
                Renew my endorsement
              </Button>
              <FormError problem={renew.error instanceof ApiProblem ? renew.error : null} />
            </>
          ) : (
            <p>Renewal opens a few weeks before the due day; we will email you. Meanwhile, log your hours below.</p>
          )}
        </>
      )}
    </section>
  );
}

/** After a lapse: three new references and the fee start the reinstatement; no exam is retaken. */
function Reinstate({ app }: { app: Application }) {
  const reinstate = useEndorsementChange((refs: { raterName: string; raterEmail: string; role: string; waivedAccess: boolean }[]) =>
    endorsementCalls.reinstate(app.id, app.version, refs),
  );
  const roles = (app.portfolio.references ?? []).map((r) => r.role);
  const problem = reinstate.error instanceof ApiProblem ? reinstate.error : null;
  return (
    <section id="reinstate" aria-labelledby="reinstate-heading" className="section">
      <h2 id="reinstate-heading">Reinstate your endorsement</h2>
      <p>
        Your endorsement lapsed because it was not renewed in time. To reinstate it, name new raters for your references; we ask each of them by email. You do
        not sit the exam again.
      </p>
      <Form
        validationErrors={problem?.fieldErrors}
        onSubmit={(event) => {
          event.preventDefault();
          const f = new FormData(event.currentTarget);
          reinstate.mutate(
            roles.map((role, i) => ({
              role,
              raterName: formText(f, `references.${i}.raterName`),
              raterEmail: formText(f, `references.${i}.raterEmail`),
              waivedAccess: f.get(`references.${i}.waivedAccess`) === 'on',
            })),
          );
        }}
      >
        {roles.map((role, i) => (
          <fieldset key={i} className="fieldset">
            <legend>
              Reference {i + 1}: {codeInWords(role)}
            </legend>
            <TextField label="Rater’s full name" name={`references.${i}.raterName`} isRequired />
            <TextField label="Rater’s email address" name={`references.${i}.raterEmail`} type="email" isRequired />
            <CheckboxField name={`references.${i}.waivedAccess`}>I waive my right to see this rater’s form</CheckboxField>
          </fieldset>
        ))}
        <ChangeProblem error={reinstate.error} onReload={() => window.location.reload()} />
        <Button type="submit" isPending={reinstate.isPending}>
          Ask to reinstate
        </Button>
      </Form>
    </section>
  );
}
