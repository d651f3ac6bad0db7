import type { RouteObject } from 'react-router';
import { lazyPage } from '../app/lazy-page';

const MyReviewsPage = lazyPage(() => import('./reviews/my-reviews.page'), 'MyReviewsPage');
const ReviewPage = lazyPage(() => import('./reviews/review.page'), 'ReviewPage');
const ExamPage = lazyPage(() => import('./exam/exam.page'), 'ExamPage');
const ExamApprovalsPage = lazyPage(() => import('./exam/exam-approvals.page'), 'ExamApprovalsPage');
const ExamPapersPage = lazyPage(() => import('./exam/papers.page'), 'ExamPapersPage');
const ExamPaperPage = lazyPage(() => import('./exam/paper.page'), 'ExamPaperPage');
const ContinuingEducationPage = lazyPage(() => import('./continuing-education/continuing-education.page'), 'ContinuingEducationPage');
const AdminPage = lazyPage(() => import('./admin/admin.page'), 'AdminPage');

/** Reviewers', exam reviewers', coordinators' and administrators' own pages (signed in). */
export const staffRoleRoutes: RouteObject[] = [
  { path: '/reviews', element: <MyReviewsPage /> },
  // The address the reviewer's "panel assigned" email links to.
  { path: '/reviews/:applicationId', element: <ReviewPage /> },
  { path: '/staff/exam', element: <ExamPage /> },
  { path: '/staff/exam/approvals', element: <ExamApprovalsPage /> },
  { path: '/staff/exam/papers', element: <ExamPapersPage /> },
  { path: '/staff/exam/papers/:paperId', element: <ExamPaperPage /> },
  { path: '/staff/continuing-education', element: <ContinuingEducationPage /> },
  { path: '/staff/admin', element: <AdminPage /> },
];
