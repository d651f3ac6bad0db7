import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { components } from '#api-client';
import { api } from '../../api/api';
import { call } from '../../api/call';

export type ExamWindow = components['schemas']['ExamWindow'];
export type CreateExamWindowBody = { sitsOn: string; registrationClosesAt: string; online: boolean; location?: string; capacity: number };

export function useExamWindows() {
  return useQuery({ queryKey: ['exam-windows'], queryFn: () => call(api.GET('/api/v1/staff/exam-windows')) });
}

export function useCreateExamWindow() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateExamWindowBody) => call(api.POST('/api/v1/staff/exam-windows', { body })),
    onSuccess: () => client.invalidateQueries({ queryKey: ['exam-windows'] }),
  });
}

/** Applications whose references are being checked: the ones an exam approval moves on. */
export function useAwaitingExamApproval() {
  return useQuery({
    queryKey: ['staff-queue', 'reference_checks'],
    queryFn: () => call(api.GET('/api/v1/staff/applications', { params: { query: { state: 'reference_checks', limit: 100 } } })),
  });
}

/** Approves at the version the coordinator saw, booking a seat when a sitting is chosen. */
export function useApproveExam() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version, windowId }: { id: string; version: number; windowId?: string }) =>
      call(
        api.POST('/api/v1/staff/applications/{id}/exam-approval', {
          params: { path: { id }, header: { 'If-Match': `"${version}"` } },
          body: windowId ? { windowId } : {},
        }),
      ),
    onSuccess: () => Promise.all([client.invalidateQueries({ queryKey: ['staff-queue'] }), client.invalidateQueries({ queryKey: ['exam-windows'] })]),
  });
}

export function useExamPapers() {
  return useQuery({ queryKey: ['exam-papers'], queryFn: () => call(api.GET('/api/v1/exam/papers', { params: { query: { limit: 100 } } })) });
}

export function useExamPaper(paperId: string) {
  return useQuery({ queryKey: ['exam-papers', paperId], queryFn: () => call(api.GET('/api/v1/exam/papers/{paperId}', { params: { path: { paperId } } })) });
}

/** Records part 1's result or the caller's part 2 score; the paper and the list change with it. */
export function useScorePaper(paperId: string, part: 'part1' | 'part2-scores') {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (percent: number) =>
      call(
        part === 'part1'
          ? api.POST('/api/v1/exam/papers/{paperId}/part1', { params: { path: { paperId } }, body: { percent } })
          : api.POST('/api/v1/exam/papers/{paperId}/part2-scores', { params: { path: { paperId } }, body: { percent } }),
      ),
    onSuccess: () => client.invalidateQueries({ queryKey: ['exam-papers'] }),
  });
}
