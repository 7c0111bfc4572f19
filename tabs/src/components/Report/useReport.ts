import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { NotificationAction, NotificationView, Report } from '../../../../api/contract/notifications';
import { RESEND_NEVER_HELPS } from '../../../../api/contract/notifications';
import { errorMessage } from '../../api/api-error';
import { useApi } from '../../api/api-provider';
import { keys, useNotificationChanged, useNotificationQuery } from '../../api/queries';
import { subscribeToReport } from '../../api/report-events';
import { downloadBlob } from '../../lib/download';
import { setFlash, takeFlash, type Flash } from '../../lib/flash';
import { strings } from '../../strings';
import type { Navigation } from '../App/useApp';
import type { RecipientFilter } from '../RecipientTable/useRecipientTable';

const LIVE = ['scheduled', 'resolving', 'sending'];
export type Pending = 'cancel' | 'recall' | 'resend' | undefined;

/** How many failed recipients a resend could still reach (the server offers it only when there are some). */
export function resendable(report: Report): number {
  return Object.entries(report.reasons).reduce((sum, [reason, n]) => sum + (RESEND_NEVER_HELPS.has(reason) ? 0 : n), 0);
}

/**
 * One notification's report, kept live over server-sent events while anything can still change: each progress
 * event carries the status and the actions allowed now, so the label and the buttons follow the work.
 */
export function useReport(id: string, nav: Navigation) {
  const api = useApi();
  const client = useQueryClient();
  const changed = useNotificationChanged();
  const notification = useNotificationQuery(id);
  const report = useQuery({ queryKey: keys.report(id), queryFn: () => api.report(id) });
  const [filter, setFilter] = useState<RecipientFilter>({});
  const [version, setVersion] = useState(0);
  const [message, setMessage] = useState<Flash | undefined>(() => takeFlash());
  const [busy, setBusy] = useState(false);
  const [confirm, setConfirm] = useState<Pending>();
  const view = notification.data;
  const current = report.data;
  const status = current?.status ?? view?.status;
  const interactive = view?.content ? view.content.acknowledge || view.content.poll !== undefined : false;
  const follow = view !== undefined && (LIVE.includes(view.status) || interactive);

  useEffect(() => {
    if (!follow) return undefined;
    let lastStatus: string | undefined;
    const stop = subscribeToReport(() => api.eventsUrl(id), {
      onProgress: (next) => {
        client.setQueryData(keys.report(id), next);
        // A status change (sending → completed, scheduled → sending) re-reads the notification and the lists.
        if (lastStatus !== undefined && next.status !== lastStatus) {
          void client.invalidateQueries({ queryKey: keys.notification(id), exact: true });
          void client.invalidateQueries({ queryKey: keys.notifications, exact: true });
          setVersion((v) => v + 1);
        }
        lastStatus = next.status;
      },
      onDone: () => {
        setVersion((v) => v + 1);
        void client.invalidateQueries({ queryKey: keys.notification(id), exact: true });
        if (!interactive) stop();
      },
    });
    return stop;
  }, [api, client, id, follow, interactive]);

  const act = async (action: () => Promise<NotificationView | void>, done: string, after?: () => void) => {
    setBusy(true);
    setConfirm(undefined);
    setMessage(undefined);
    try {
      const result = await action();
      changed(result ?? undefined);
      await client.invalidateQueries({ queryKey: keys.report(id), exact: true });
      setVersion((v) => v + 1);
      setMessage({ intent: 'success', text: done });
      after?.();
    } catch (failure) {
      setMessage({ intent: 'error', text: errorMessage(failure) });
    } finally {
      setBusy(false);
    }
  };

  const actions: NotificationAction[] = current?.actions ?? view?.actions ?? [];
  return {
    notification: view,
    report: current,
    status,
    actions,
    error: notification.error ?? report.error,
    filter,
    setFilter,
    version,
    message,
    busy,
    confirm,
    setConfirm,
    cancel: () => act(() => api.cancel(id), strings.report.cancelled),
    resend: () => act(() => api.resendFailed(id), strings.report.resent(current ? resendable(current) : 0)),
    recall: () => act(() => api.recall(id), strings.report.recalled),
    edit: () => nav.openEditSent(id),
    duplicate: () =>
      act(async () => {
        const copy = await api.duplicate(id);
        setFlash({ intent: 'success', text: strings.notifications.duplicated(view?.title ?? '') });
        nav.openDraft(copy.id);
        return copy;
      }, ''),
    exportCsv: () => act(async () => downloadBlob(await api.exportCsv(id), `herald-${id}.csv`), strings.report.exported),
  };
}
