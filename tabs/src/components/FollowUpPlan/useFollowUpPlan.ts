import { useEffect, useState } from 'react';
import type { FollowUpPlanInput, FollowUpViewBody } from '../../../../api/contract/notifications';
import { useApi } from '../../api/api-provider';
import { ApiError } from '../../api/api-error';
import { browserTimeZone, zonedTimeToUtc } from '../../lib/zoned-time';
import { strings } from '../../strings';

/** A wall-clock date and time in the person's zone, as the form holds them. */
interface Moment {
  date: string;
  time: string;
}

const EMPTY: Moment = { date: '', time: '' };

/** Splits an ISO instant into the person's local date and time (the inputs' `YYYY-MM-DD` and `HH:MM`). */
function momentOf(iso: string | null | undefined): Moment {
  if (!iso) return EMPTY;
  const at = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return { date: `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`, time: `${pad(at.getHours())}:${pad(at.getMinutes())}` };
}

/**
 * The follow-up plan of one notification: read from the server, edited in the form, saved with PUT. The server
 * checks the plan (K, N, times in the past) and answers with a sentence and the fields, shown under each input.
 */
export function useFollowUpPlan(notificationId: string) {
  const api = useApi();
  const [deadline, setDeadline] = useState<Moment>(EMPTY);
  const [remind, setRemind] = useState(false);
  const [everyHours, setEveryHours] = useState('24');
  const [times, setTimes] = useState('2');
  const [to, setTo] = useState<'unacknowledged' | 'unseen'>('unacknowledged');
  const [activityFeed, setActivityFeed] = useState(false);
  const [expiry, setExpiry] = useState<Moment>(EMPTY);
  const [onExpiry, setOnExpiry] = useState<'update' | 'recall'>('update');
  const [view, setView] = useState<FollowUpViewBody | undefined>();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ intent: 'success' | 'error'; text: string } | undefined>();
  const [fields, setFields] = useState<Record<string, string>>({});

  useEffect(() => {
    let current = true;
    void api.followUps(notificationId).then((loaded) => {
      if (!current) return;
      setView(loaded);
      const plan = loaded.plan;
      if (!plan) return;
      setDeadline(momentOf(plan.acknowledgeBy));
      setExpiry(momentOf(plan.expiresAt));
      setOnExpiry(plan.onExpiry);
      if (plan.reminders) {
        setRemind(true);
        setEveryHours(String(plan.reminders.everyHours));
        setTimes(String(plan.reminders.times));
        setTo(plan.reminders.to);
        setActivityFeed(plan.reminders.activityFeed);
      }
    }, () => undefined);
    return () => {
      current = false;
    };
  }, [api, notificationId]);

  const zone = browserTimeZone();
  const instant = (moment: Moment) => (moment.date && moment.time ? zonedTimeToUtc(moment.date, moment.time, zone) : null);
  const plan: FollowUpPlanInput = {
    acknowledgeBy: instant(deadline),
    reminders: remind ? { everyHours: Number(everyHours), times: Number(times), to, activityFeed } : null,
    expiresAt: instant(expiry),
    onExpiry,
  };

  const save = async () => {
    setBusy(true);
    setMessage(undefined);
    setFields({});
    try {
      setView(await api.setFollowUps(notificationId, plan));
      setMessage({ intent: 'success', text: strings.followUps.saved });
    } catch (error) {
      if (error instanceof ApiError) setFields(error.fields);
      setMessage({ intent: 'error', text: error instanceof Error ? error.message : String(error) });
    } finally {
      setBusy(false);
    }
  };

  return {
    deadline, setDeadline, remind, setRemind, everyHours, setEveryHours, times, setTimes, to, setTo, activityFeed, setActivityFeed,
    expiry, setExpiry, onExpiry, setOnExpiry, view, busy, message, fields, save,
  };
}
