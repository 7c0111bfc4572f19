import { QueryClient, useInfiniteQuery, useQuery, useQueryClient } from '@tanstack/react-query';
import type { NotificationView } from '../../../api/contract/notifications';
import { ApiError } from './api-error';
import { useApi } from './api-provider';

/** Every cache key the tab uses, in one place, so a change invalidates exactly what it touched. */
export const keys = {
  me: ['me'] as const,
  notifications: ['notifications'] as const,
  notification: (id: string) => ['notifications', id] as const,
  report: (id: string) => ['notifications', id, 'report'] as const,
  senders: ['senders'] as const,
  audit: ['audit'] as const,
};

/** The tab's query client: refused calls (4xx) are not retried, the rest twice; nothing refetches on focus. */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        retry: (failures, error) => !(error instanceof ApiError && error.status >= 400 && error.status < 500) && failures < 2,
        refetchOnWindowFocus: false,
        staleTime: 5_000,
      },
    },
  });
}

export function useNotificationsQuery() {
  const api = useApi();
  return useQuery({ queryKey: keys.notifications, queryFn: () => api.listNotifications() });
}

export function useNotificationQuery(id: string | undefined) {
  const api = useApi();
  return useQuery({ queryKey: keys.notification(id ?? ''), queryFn: () => api.getNotification(id ?? ''), enabled: id !== undefined });
}

export function useSendersQuery() {
  const api = useApi();
  return useQuery({ queryKey: keys.senders, queryFn: () => api.senders() });
}

export function useAuditQuery() {
  const api = useApi();
  return useInfiniteQuery({
    queryKey: keys.audit,
    queryFn: ({ pageParam }) => api.audit(pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.next ?? undefined,
  });
}

/** After a change to one notification: its view, its report and every list that shows it are read again. */
export function useNotificationChanged() {
  const client = useQueryClient();
  return (view?: NotificationView) => {
    if (view) client.setQueryData(keys.notification(view.id), view);
    void client.invalidateQueries({ queryKey: keys.notifications });
    void client.invalidateQueries({ queryKey: keys.audit });
  };
}
