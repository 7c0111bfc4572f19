import { useState } from 'react';
import type { SendInput } from '../../../../api/contract/notifications';
import { browserTimeZone, zonedTimeToUtc } from '../../lib/zoned-time';

export type SendWhen = 'now' | 'later';

/** Now or at a wall-clock time in a chosen IANA zone, sent to the server as the UTC instant plus the zone. */
export function useSendPanel(onSend: (input: SendInput) => Promise<void>) {
  const [when, setWhen] = useState<SendWhen>('now');
  const [date, setDate] = useState('');
  const [time, setTime] = useState('');
  const [timeZone, setTimeZone] = useState(browserTimeZone);
  const [confirming, setConfirming] = useState(false);

  const scheduledAt = when === 'later' && date && time ? zonedTimeToUtc(date, time, timeZone) : undefined;
  const timeMissing = when === 'later' && (!scheduledAt || Date.parse(scheduledAt) <= Date.now());
  const input: SendInput = scheduledAt ? { scheduledAt, timeZone } : { timeZone };

  const confirm = async () => {
    setConfirming(false);
    await onSend(input);
  };

  return { when, setWhen, date, setDate, time, setTime, timeZone, setTimeZone, timeMissing, confirming, setConfirming, confirm, input };
}
