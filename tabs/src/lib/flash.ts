/**
 * A message that outlives one navigation: an action on one screen (duplicate, delete, send) opens another, and
 * the new screen shows what happened at its top. Read once.
 */
let pending: { intent: 'success' | 'info' | 'warning' | 'error'; text: string } | undefined;

export type Flash = NonNullable<typeof pending>;

export function setFlash(flash: Flash): void {
  pending = flash;
}

export function takeFlash(): Flash | undefined {
  const flash = pending;
  pending = undefined;
  return flash;
}
