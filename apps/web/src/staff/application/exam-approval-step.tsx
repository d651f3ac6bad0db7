import { useState } from 'react';
import { api } from '../../api/api';
import { call } from '../../api/call';
import { Button } from '../../ui/button';
import { SelectField } from '../../ui/select-field';
import { NO_SEAT, sittingChoices, type ExamApproval } from '../exam/exam-approval-words';
import { useExamWindows } from '../exam/use-exam';
import { eventLabel } from '../staff-words';

/**
 * Approving the applicant to sit the exam, from the application itself: a seat at a sitting with
 * seats left, or none (the applicant registers). `run` takes the step at the version the page shows.
 */
export function ExamApprovalStep({
  applicationId,
  applicantName,
  pending,
  run,
  onApproved,
}: {
  applicationId: string;
  applicantName: string;
  pending: boolean;
  run: (step: (ifMatch: string) => Promise<unknown>) => Promise<boolean>;
  onApproved: (approval: ExamApproval) => void;
}) {
  const windows = useExamWindows();
  const [windowId, setWindowId] = useState<string>(NO_SEAT);
  async function approve(): Promise<void> {
    let approval: ExamApproval | undefined;
    const done = await run(async (ifMatch) => {
      approval = await call(
        api.POST('/api/v1/staff/applications/{id}/exam-approval', {
          params: { path: { id: applicationId }, header: { 'If-Match': ifMatch } },
          body: windowId === NO_SEAT ? {} : { windowId },
        }),
      );
    });
    if (done && approval) onApproved(approval);
  }
  return (
    <div className="exam-approval-step">
      <SelectField
        label={`Sitting for ${applicantName}`}
        items={sittingChoices(windows.data?.windows ?? [])}
        selectedKey={windowId}
        onSelectionChange={(key) => setWindowId(String(key))}
      />
      <Button onPress={() => void approve()} isDisabled={pending}>
        {eventLabel('approve_exam')}
      </Button>
    </div>
  );
}
