/**
 * The UTC instant at which clocks in `timeZone` show `date` (YYYY-MM-DD) and `time` (HH:mm), as an ISO string.
 * Intl gives a zone's offset at an instant; two passes settle the offset across a daylight-saving change.
 */
export function zonedTimeToUtc(date: string, time: string, timeZone: string): string {
  const [year = 0, month = 1, day = 1] = date.split('-').map(Number);
  const [hour = 0, minute = 0] = time.split(':').map(Number);
  const wallClock = Date.UTC(year, month - 1, day, hour, minute);
  let instant = wallClock - offsetMs(wallClock, timeZone);
  instant = wallClock - offsetMs(instant, timeZone);
  return new Date(instant).toISOString();
}

/** How far `timeZone`'s clocks are ahead of UTC at `instant`. */
function offsetMs(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(new Date(instant));
  const get = (type: string) => Number(parts.find((part) => part.type === type)?.value ?? 0);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return asUtc - (instant - (instant % 1000));
}

export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** Every IANA zone the browser knows, with the browser's own zone guaranteed present. */
export function timeZones(): string[] {
  const known = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  const own = browserTimeZone();
  return known.includes(own) ? known : [own, ...known];
}

/** One time zone as a person knows it: its offset now, its main city, its name in their language. */
export interface ZoneChoice {
  id: string;
  offsetMinutes: number;
  /** "UTC+02:00" */
  offset: string;
  city: string;
  /** Such as "Central European Time" or "Mitteleuropäische Zeit"; empty when the browser has none. */
  name: string;
  /** What the list shows and the search matches: "UTC+01:00 · Berlin · Central European Time (Europe/Berlin)". */
  label: string;
}

/**
 * Every zone with its current offset, city and localized name, the person's own zone first and the rest by offset
 * then city, so "Berlin", "+01:00" and "Mitteleuropäische" all find Europe/Berlin.
 */
export function zoneChoices(locale: string, at = Date.now()): ZoneChoice[] {
  const own = browserTimeZone();
  const choices = timeZones().map((id) => zoneChoice(id, locale, at));
  const rest = choices.filter((zone) => zone.id !== own).sort((a, b) => a.offsetMinutes - b.offsetMinutes || a.city.localeCompare(b.city, locale));
  const mine = choices.find((zone) => zone.id === own);
  return mine ? [mine, ...rest] : rest;
}

export function zoneChoice(id: string, locale: string, at = Date.now()): ZoneChoice {
  const offsetMinutes = Math.round(offsetMs(at, id) / 60_000);
  const sign = offsetMinutes < 0 ? '−' : '+';
  const abs = Math.abs(offsetMinutes);
  const offset = `UTC${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
  const city = (id.split('/').pop() ?? id).replace(/_/g, ' ');
  let name = '';
  try {
    name = new Intl.DateTimeFormat(locale, { timeZone: id, timeZoneName: 'longGeneric' }).formatToParts(at).find((part) => part.type === 'timeZoneName')?.value ?? '';
  } catch {
    name = '';
  }
  const label = `${offset} · ${city}${name && !name.startsWith('GMT') ? ` · ${name}` : ''} (${id})`;
  return { id, offsetMinutes, offset, city, name, label };
}

/** Whether a zone matches what the person typed: any word of its label, and "+2", "+02" or "+02:00" for offsets. */
export function zoneMatches(zone: ZoneChoice, query: string): boolean {
  const q = query.trim().toLowerCase().replace('−', '-');
  if (!q) return true;
  const haystack = `${zone.label} ${zone.offset.replace('−', '-')}`.toLowerCase();
  if (haystack.includes(q)) return true;
  const offset = /^(?:utc|gmt)?\s*([+-])\s*(\d{1,2})(?::?(\d{2}))?$/.exec(q);
  if (!offset) return false;
  const minutes = (Number(offset[2]) * 60 + Number(offset[3] ?? 0)) * (offset[1] === '-' ? -1 : 1);
  return minutes === zone.offsetMinutes;
}
