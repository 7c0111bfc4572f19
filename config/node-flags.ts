/**
 * How every Herald process starts Node: package.json's `start`, `herald` and `worker` scripts run
 * `node <HERALD_NODE_ARGS> <entry>.ts`, and the benchmarks and tests that spawn Herald do the same
 * (tests/unit/config/node-flags.test.ts keeps the two in step).
 *
 * `--heap-growing-percent=100`: collect the old generation once it has doubled since the last collection. V8's
 * default lets a fast-allocating process grow it up to fourfold first; Herald's live heap is small and bounded
 * (a page of the directory and the calls in flight, ~60-80 MB), but a broadcast allocates ~40 MB/s that outlives
 * a scavenge (calls on the wire), so the default let garbage take the heap to 300-600 MB before each collection.
 * Measured on 100,000 recipients (BENCHMARKS.md): peak RSS ~380 MB -> ~270 MB, throughput unchanged within noise.
 * A hard cap (`--max-old-space-size`) bounded memory as well but cost ~20% more CPU in collections near the cap.
 *
 * `--max-semi-space-size=8`: a young generation of 2 × 8 MB instead of 2 × 16 MB. Peak RSS of the 100,000-person
 * send went from 246-287 MB (varying with when the old generation's concurrent marking finished) to 224-228 MB
 * over four runs each, for ~5% more CPU in scavenges (BENCHMARKS.md); 12 MB gave 247-278 MB.
 *
 * `--require tsx/cjs`: TypeScript compiled as Herald's modules are required (Herald is CommonJS). `--import tsx`
 * (and the tsx command line, which uses it) also registers ES module hooks, which Node 20 runs in a thread of
 * their own: a second V8 heap for the life of the process, ~20-30 MB resident (BENCHMARKS.md).
 */
export const HERALD_NODE_ARGS = ['--heap-growing-percent=100', '--max-semi-space-size=8', '--require', 'tsx/cjs'] as const;
