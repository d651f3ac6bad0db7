import { Link } from 'react-router';
import { Page } from '../../app/page';
import { Button } from '../../ui/button';
import { dayInWords, momentInWords } from '../../ui/dates-in-words';
import { Form } from '../../ui/form';
import { FormError } from '../../ui/form-error';
import { Notice } from '../../ui/notice';
import { NumberField } from '../../ui/number-field';
import { QueryState } from '../../ui/query-state';
import { RadioGroupField } from '../../ui/radio-group-field';
import { TextField } from '../../ui/text-field';
import { useSubmit } from '../../ui/use-submit';
import { useCreateExamWindow, useExamWindows } from './use-exam';

const WHERE = [
  { id: 'in-person', label: 'In person' },
  { id: 'online', label: 'Online' },
];

/** The exam sittings: when, where, seats taken; a coordinator offers a new one. */
export function ExamPage() {
  const windows = useExamWindows();
  const create = useCreateExamWindow();
  const submit = useSubmit(async (fields, form) => {
    const online = fields.where === 'online';
    await create.mutateAsync({
      sitsOn: fields.sitsOn,
      // The end of the chosen day, in the coordinator's own time.
      registrationClosesAt: new Date(`${fields.registrationClosesOn}T23:59:59`).toISOString(),
      online,
      ...(fields.location?.trim() ? { location: fields.location.trim() } : {}),
      capacity: Number(fields.capacity),
    });
    form.reset();
  });

  return (
    <Page title="Exam" wide>
      <ul className="actions">
        <li>
          <Link to="/staff/exam/approvals">Approve applicants to sit the exam</Link>
        </li>
        <li>
          <Link to="/staff/exam/papers">Papers to score</Link>
        </li>
      </ul>
      <h2>Sittings</h2>
      <QueryState query={windows}>
        {({ windows: list }) =>
          list.length === 0 ? (
            <p>No sitting is planned yet. Offer one below.</p>
          ) : (
            <div className="table-scroll" tabIndex={0}>
              <table>
                <caption className="muted">Soonest first</caption>
                <thead>
                  <tr>
                    <th scope="col">Date</th>
                    <th scope="col">Where</th>
                    <th scope="col">Registration closes</th>
                    <th scope="col">Registered</th>
                  </tr>
                </thead>
                <tbody>
                  {list.map((w) => (
                    <tr key={w.id}>
                      <td>{dayInWords(w.sitsOn)}</td>
                      <td>{w.online ? 'Online' : (w.location ?? 'In person')}</td>
                      <td>{momentInWords(w.registrationClosesAt)}</td>
                      <td>
                        {w.capacity - w.seatsLeft} of {w.capacity} seats
                        {w.seatsLeft === 0 ? ' (full)' : ''}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )
        }
      </QueryState>

      <h2>Offer a sitting</h2>
      {create.isSuccess && <Notice tone="success">The sitting on {dayInWords(create.data.sitsOn)} is offered: approved applicants can register for it.</Notice>}
      <Form className="form" {...submit.formProps}>
        <TextField name="sitsOn" label="Date of the sitting" type="date" isRequired description="Only in a month your association holds the exam." />
        <TextField name="registrationClosesOn" label="Registration closes at the end of" type="date" isRequired />
        <RadioGroupField name="where" label="Where" options={WHERE} defaultValue="in-person" isRequired />
        <TextField name="location" label="Place (for an in-person sitting)" maxLength={200} />
        <NumberField name="capacity" label="Seats" minValue={1} maxValue={10000} isRequired />
        <FormError problem={submit.problem} />
        <Button type="submit" isPending={submit.pending}>
          Offer this sitting
        </Button>
      </Form>
    </Page>
  );
}
