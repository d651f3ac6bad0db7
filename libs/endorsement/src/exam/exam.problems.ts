import { ProblemException } from '#platform';

/** The problems the exam routes answer with, each with a stable code. */
export const ExamProblems = {
  windowNotFound: () =>
    new ProblemException(404, 'exam_window_not_found', 'Exam window not found', 'No exam window with this id is offered by your association.'),
  /** Also for a paper of another association, or the caller's own: its existence does not leak. */
  paperNotFound: () => new ProblemException(404, 'exam_paper_not_found', 'Exam paper not found', 'No open exam paper with this id is yours to score.'),
  windowAssociationRequired: () =>
    new ProblemException(400, 'validation_failed', 'Invalid request', 'associationCode: is required: name an association of this system', {
      errors: [{ field: 'associationCode', message: 'is required: name an association of this system' }],
    }),
  monthNotOffered: (months: string) =>
    new ProblemException(
      422,
      'exam_month_not_offered',
      'No exam in that month',
      `This association offers the exam in ${months}; choose a sitting date in one of those months.`,
    ),
  datesOutOfOrder: (detail: string) => new ProblemException(422, 'exam_window_dates', 'Exam window dates do not fit', detail),
  notApprovedToSit: (state: string) =>
    new ProblemException(
      409,
      'not_approved_to_sit',
      'Not approved to sit the exam',
      `The application is in state "${state}"; registration opens once staff approve it to sit the exam.`,
    ),
  alreadyRegistered: () =>
    new ProblemException(
      409,
      'already_registered',
      'Already registered',
      'This application is registered for a sitting whose result is not decided yet; one registration per attempt.',
    ),
  registrationClosed: () =>
    new ProblemException(409, 'registration_closed', 'Registration closed', 'Registration for this sitting has closed; choose a later one.'),
  windowFull: () => new ProblemException(409, 'exam_window_full', 'Sitting full', 'Every seat of this sitting is taken; choose another one.'),
  approvalExpiresFirst: (validUntil: string) =>
    new ProblemException(
      422,
      'approval_expires_before_sitting',
      'Approval expires before this sitting',
      `The approval to sit the exam is valid until ${validUntil}; choose a sitting before then.`,
    ),
  approvalExpired: (validUntil: string) =>
    new ProblemException(
      409,
      'exam_approval_expired',
      'Approval to sit the exam has expired',
      `The approval to sit the exam ended before ${validUntil}, so no sitting can be booked with it. You will be emailed what happens next and how to apply again.`,
      { validUntil },
    ),
  retakeRequestRequired: () =>
    new ProblemException(
      422,
      'retake_request_required',
      'Retake request required',
      'A retake needs a written request: say in retakeRequest that you would like to sit the exam again.',
    ),
  retakeTooSoon: (lastSat: string, earliest: string) =>
    new ProblemException(
      422,
      'retake_too_soon',
      'Retake too soon',
      earliest > lastSat
        ? `This association asks for a wait before a retake: choose a sitting on or after ${earliest}.`
        : `A retake is a later sitting than the last attempt (${lastSat}).`,
      { earliest },
    ),
  notSatYet: (sitsOn: string) =>
    new ProblemException(409, 'exam_not_sat_yet', 'Exam not sat yet', `This paper's sitting is on ${sitsOn}; scores are recorded after it.`),
  part1AlreadyRecorded: () =>
    new ProblemException(409, 'part1_already_recorded', 'Part 1 already recorded', 'The part 1 result of this paper is recorded already.'),
  alreadyScored: () =>
    new ProblemException(409, 'part2_already_scored', 'Already scored', 'You scored part 2 of this paper already; a second reviewer scores it independently.'),
  part2Complete: () =>
    new ProblemException(409, 'part2_complete', 'Part 2 fully scored', 'Every score part 2 of this paper needs is in; it waits for its part 1 result.'),
};
