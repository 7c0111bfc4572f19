import { useEffect, useState } from 'react';
import type { NotificationSummary, NotificationView } from '../../../../api/contract/notifications';
import { errorMessage } from '../../api/api-error';
import { useApi } from '../../api/api-provider';

export interface NotificationsNavigation {
  openReport: (id: string) => void;
  openDraft: (notification: NotificationView) => void;
}

/** Past and pending notifications; a draft opens in compose, anything else in its report. */
export function useNotifications(nav: NotificationsNavigation) {
  const api = useApi();
  const [items, setItems] = useState<NotificationSummary[]>();
  const [error, setError] = useState<string>();

  useEffect(() => {
    let active = true;
    api.listNotifications().then(
      (value) => active && setItems(value),
      (failure: unknown) => active && setError(errorMessage(failure)),
    );
    return () => {
      active = false;
    };
  }, [api]);

  const open = async (item: NotificationSummary) => {
    if (item.status !== 'draft') return nav.openReport(item.id);
    try {
      nav.openDraft(await api.getNotification(item.id));
    } catch (failure) {
      setError(errorMessage(failure));
    }
  };

  return { items, error, open };
}
