/**
 * The V8 flags every Herald process runs with: package.json's `start`, `herald` and `worker` scripts pass them
 * to tsx, and the benchmarks and tests that spawn Herald pass them to Node (tests/unit/config/node-flags.test.ts
 * keeps the two in step).
 *
 * `--heap-growing-percent=100`: collect the old generation once it has doubled since the last collection. V8's
 * default lets a fast-allocating process grow it up to fourfold first; Herald's live heap is small and bounded
 * (a page of the directory and the calls in flight, ~60-80 MB), but a broadcast allocates ~40 MB/s that outlives
 * a scavenge (calls on the wire), so the default let garbage take the heap to 300-600 MB before each collection.
 * Measured on 100,000 recipients (BENCHMARKS.md): peak RSS ~380 MB -> ~270 MB, throughput unchanged within noise.
 * A hard cap (`--max-old-space-size`) bounded memory as well but cost ~20% more CPU in collections near the cap.
 */
export const HERALD_NODE_FLAGS = ['--heap-growing-percent=100'] as const;
