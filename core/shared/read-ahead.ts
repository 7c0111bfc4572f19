/**
 * Iterates an async source one item ahead: the next item (a directory page) is already being fetched while the
 * caller works on this one (writes it to the database), so a page's round trip and its write overlap.
 */
export async function* readAhead<T>(source: AsyncIterable<T>): AsyncGenerator<T> {
  const iterator = source[Symbol.asyncIterator]();
  let next = iterator.next();
  // A fetch that fails while the caller is busy must wait for the caller, not end the process as unhandled.
  next.catch(() => undefined);
  let finished = false;
  try {
    for (;;) {
      const result = await next;
      if (result.done) {
        finished = true;
        return;
      }
      next = iterator.next();
      next.catch(() => undefined);
      yield result.value;
    }
  } catch (error) {
    finished = true;
    throw error;
  } finally {
    // The caller stopped early: let the source clean up once the fetch already started has ended.
    if (!finished) await next.then(() => iterator.return?.(), () => undefined);
  }
}
