import { useCallback, useEffect, useState } from 'react';
import type { NotificationView, Report } from '../../../../api/contract/notifications';
import { errorMessage } from '../../api/api-error';
import { useApi } from '../../api/api-provider';
import { subscribeToReport } from '../../api/report-events';
import { downloadBlob } from '../../lib/download';
import type { RecipientFilter } from '../RecipientTable/useRecipientTable';

export interface ReportNavigation {
  openEditSent: (notification: NotificationView) => void;
  openList: () => void;
}

const LIVE = ['scheduled', 'resolving', 'sending'];
type Pending = 'cancel' | 'recall' | undefined;

/** One notification's report, kept live over server-sent events while anything can still change. */
export function useReport(id: string, nav: ReportNavigation) {
  const api = useApi();
  const [notification, setNotification] = useState<NotificationView>();
  const [report, setReport] = useState<Report>();
  const [filter, setFilter] = useState<RecipientFilter>({});
  const [version, setVersion] = useState(0);
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [confirm, setConfirm] = useState<Pending>();

  const refresh = useCallback(async () => {
    const [view, current] = await Promise.all([api.getNotification(id), api.report(id)]);
    setNotification(view);
    setReport(current);
    return view;
  }, [api, id]);

  useEffect(() => {
    let stop: (() => void) | undefined;
    let active = true;
    refresh().then(
      (view) => {
        // Acknowledgements and poll answers keep arriving after the last send; keep listening for those.
        const interactive = view.content.acknowledge || view.content.poll !== undefined;
        if (!active || (!LIVE.includes(view.status) && !interactive)) return;
        stop = subscribeToReport(() => api.eventsUrl(id), {
          onProgress: setReport,
          onDone: () => {
            setVersion((v) => v + 1);
            if (!interactive) stop?.();
          },
        });
      },
      (failure: unknown) => setError(errorMessage(failure)),
    );
    return () => {
      active = false;
      stop?.();
    };
  }, [api, id, refresh]);

  const act = async (action: () => Promise<unknown>) => {
    setBusy(true);
    setConfirm(undefined);
    setError(undefined);
    try {
      await action();
      await refresh();
      setVersion((v) => v + 1);
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusy(false);
    }
  };

  return {
    notification,
    report,
    filter,
    setFilter,
    version,
    error,
    busy,
    confirm,
    setConfirm,
    cancel: () => act(() => api.cancel(id)),
    resend: () => act(() => api.resendFailed(id)),
    recall: () => act(() => api.recall(id)),
    edit: () => notification && nav.openEditSent(notification),
    exportCsv: () => act(async () => downloadBlob(await api.exportCsv(id), `herald-${id}.csv`)),
  };
}
