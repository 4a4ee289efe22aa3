/**
 * Runs jobs 0..count-1 with at most `limit` in flight (0: no limit; a function is asked each time,
 * so a running Map Run's MaxConcurrency can change) and collects their results in order. Jobs that finish synchronously run inline, so an all-synchronous batch never allocates a
 * promise; the first job to throw or reject ends the batch with its error.
 */
export function runPool(count: number, limit: number | (() => number), job: (index: number) => unknown): unknown[] | Promise<unknown[]> {
  const results: unknown[] = new Array<unknown>(count);
  let index = 0;
  let first: Promise<unknown> | undefined;
  for (; index < count; index++) {
    const out = job(index);
    if (out instanceof Promise) {
      first = out;
      break;
    }
    results[index] = out;
  }
  if (first === undefined) return results;
  const firstIndex = index;
  return new Promise<unknown[]>((resolve, reject) => {
    let inFlight = 0;
    let done = firstIndex;
    let next = firstIndex + 1;
    let failed = false;
    const fail = (e: unknown): void => {
      if (failed) return;
      failed = true;
      reject(e);
    };
    const track = (at: number, p: Promise<unknown>): void => {
      inFlight++;
      p.then((v) => {
        results[at] = v;
        inFlight--;
        done++;
        pump();
      }, fail);
    };
    const room = typeof limit === "number" ? (): boolean => limit === 0 || inFlight < limit : (): boolean => {
      const now = limit();
      return now === 0 || inFlight < now;
    };
    const pump = (): void => {
      while (!failed && next < count && room()) {
        const at = next++;
        let out: unknown;
        try {
          out = job(at);
        } catch (e) {
          fail(e);
          return;
        }
        if (out instanceof Promise) track(at, out);
        else {
          results[at] = out;
          done++;
        }
      }
      if (!failed && done === count) resolve(results);
    };
    track(firstIndex, first as Promise<unknown>);
    pump();
  });
}
