import { useState } from 'react';
import { Link } from 'react-router';
import type { components } from '#api-client';
import { ApiProblem } from '../../api/problem';
import { Page } from '../../app/page';
import { Button } from '../../ui/button';
import { momentInWords } from '../../ui/dates-in-words';
import { FormError } from '../../ui/form-error';
import { Notice } from '../../ui/notice';
import { QueryState } from '../../ui/query-state';
import { SelectField } from '../../ui/select-field';
import { examApprovalInWords, NO_SEAT, sittingChoices, type ExamApproval } from './exam-approval-words';
import { useApproveExam, useAwaitingExamApproval, useExamWindows, type ExamWindow } from './use-exam';

type QueueItem = components['schemas']['StaffQueueItem'];

/**
 * Applications in reference checks, longest waiting first: a coordinator approves one to sit the
 * exam, booking a seat at a sitting or leaving the applicant to register. The API says which cannot.
 */
export function ExamApprovalsPage() {
  const queue = useAwaitingExamApproval();
  const windows = useExamWindows();
  // Kept here: an approved application leaves the list, and its card with it.
  const [approved, setApproved] = useState<{ name: string; approval: ExamApproval }[]>([]);
  return (
    <Page title="Approve for the exam" wide>
      <p>
        These applications are in reference checks. When the references are in and the category has an exam, approve the applicant to sit it.{' '}
        <Link to="/staff/exam">Sittings</Link>
      </p>
      <div role="status">
        {approved.map(({ name, approval }) => (
          <Notice key={approval.applicationId} tone="success">
            {examApprovalInWords(name, approval)}
          </Notice>
        ))}
      </div>
      <QueryState query={queue}>
        {({ items }) =>
          items.length === 0 ? (
            <p>No application is waiting.</p>
          ) : (
            <ul className="cards">
              {items.map((item) => (
                <Approval
                  key={item.id}
                  item={item}
                  windows={windows.data?.windows ?? []}
                  onApproved={(approval) => setApproved((list) => [...list, { name: item.applicantName, approval }])}
                />
              ))}
            </ul>
          )
        }
      </QueryState>
    </Page>
  );
}

function Approval({ item, windows, onApproved }: { item: QueueItem; windows: ExamWindow[]; onApproved: (approval: ExamApproval) => void }) {
  const approve = useApproveExam();
  const [windowId, setWindowId] = useState<string>(NO_SEAT);
  const name = `${item.applicantName}, ${item.categoryName}`;
  return (
    <li className="card">
      <h2>
        <Link to={`/staff/applications/${item.id}`}>{name}</Link>
      </h2>
      <p className="muted">Waiting since {momentInWords(item.waitingSince)}</p>
      <SelectField
        label={`Sitting for ${item.applicantName}`}
        items={sittingChoices(windows)}
        selectedKey={windowId}
        onSelectionChange={(key) => setWindowId(String(key))}
      />
      <FormError problem={approve.error instanceof ApiProblem ? approve.error : null} />
      <Button
        variant="secondary"
        isPending={approve.isPending}
        aria-label={`Approve for the exam: ${item.applicantName}`}
        onPress={() =>
          void approve
            .mutateAsync({ id: item.id, version: item.version, windowId: windowId === NO_SEAT ? undefined : windowId })
            .then(onApproved)
            // Shown in the card by FormError.
            .catch(() => undefined)
        }
      >
        Approve for the exam
      </Button>
    </li>
  );
}
