/** The areas of the API, in the order the document lists them; each controller names its own. */
export const API_TAGS = [
  { name: 'auth', description: 'Registration, sign-in, sessions, password resets and staff invitations.' },
  { name: 'associations', description: 'The associations one may register with, the categories each offers, what they ask and cost.' },
  { name: 'applications', description: "An applicant's own applications: start, portfolio sections, submit, timeline, emails, withdraw, reinstate." },
  { name: 'staff', description: 'The review queues of an association and one application under staff review: claim, assign, transitions, vetting calls.' },
  { name: 'exam', description: 'Exam sittings, approval, registration and blind scoring by candidate code.' },
  { name: 'panel', description: 'Panel review: two reviewers, their checklist votes, and an administrator when they disagree.' },
  { name: 'continuing-education', description: 'The continuing-education log, its staff review, endorsements held and their renewal.' },
  {
    name: 'endorsements',
    description: "An endorsement's certificate (PDF) and verifiable credential (Open Badges 3.0), for its holder and the association's staff.",
  },
  {
    name: 'verification',
    description:
      'Checking endorsements without an account: the public check of a number, and the status lists and issuer keys credentials are verified against.',
  },
  { name: 'registry', description: "The public registry of endorsements, and an endorsee's choice to appear in it." },
  { name: 'outlook', description: 'What goes out in the next days: renewals and reminders, counted by day.' },
  { name: 'webhooks', description: "Email providers' bounce and complaint events (Amazon SES via SNS, SendGrid), each verified by its signature." },
] as const;
