import { strings } from '../strings';

/** "under a minute", "about 4 minutes", "about 2 hours 10 minutes". */
export function durationInWords(seconds: number): string {
  if (seconds < 60) return strings.duration.underMinute;
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return strings.duration.minutes(minutes);
  return strings.duration.hours(Math.floor(minutes / 60), minutes % 60);
}
