import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/api';
import { call } from '../api/call';

const path = (id: string) => ({ params: { path: { id } } });

/** One of my applications: where it stands, its references and what is still to happen. */
export function useApplication(id: string) {
  return useQuery({ queryKey: ['application', id], queryFn: () => call(api.GET('/api/v1/applications/{id}', path(id))) });
}

export function useTimeline(id: string) {
  return useQuery({ queryKey: ['application', id, 'timeline'], queryFn: () => call(api.GET('/api/v1/applications/{id}/timeline', path(id))) });
}

export function useApplicationEmails(id: string) {
  return useQuery({ queryKey: ['application', id, 'emails'], queryFn: () => call(api.GET('/api/v1/applications/{id}/emails', path(id))) });
}

/** The sittings open for registration; asked only when the applicant can book one. */
export function useExamWindows(enabled: boolean) {
  return useQuery({ queryKey: ['exam-windows'], queryFn: () => call(api.GET('/api/v1/exam-windows')), enabled });
}

/** After a step on the application: everything the page shows of it is read again. */
export function useApplicationChange<V>(id: string, change: (variables: V) => Promise<unknown>) {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: change,
    onSuccess: () => Promise.all([queries.invalidateQueries({ queryKey: ['application', id] }), queries.invalidateQueries({ queryKey: ['applications'] })]),
  });
}

export const applicationCalls = {
  withdraw: (id: string, version: number) =>
    call(api.POST('/api/v1/applications/{id}/withdraw', { params: { path: { id }, header: { 'If-Match': `"${version}"` } }, body: {} })),
  submit: (id: string, version: number) =>
    call(api.POST('/api/v1/applications/{id}/submit', { params: { path: { id }, header: { 'If-Match': `"${version}"` } }, body: {} })),
  replaceRater: (id: string, referenceId: string, email: string) =>
    call(api.PUT('/api/v1/applications/{id}/references/{referenceId}/email', { params: { path: { id, referenceId } }, body: { email } })),
  registerForExam: (id: string, windowId: string) =>
    call(api.POST('/api/v1/applications/{id}/exam-registration', { params: { path: { id } }, body: { windowId } })),
};
