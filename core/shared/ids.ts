/** A new random identifier (UUID v4) for notifications and lease holders. */
export function newId(): string {
  return globalThis.crypto.randomUUID();
}
