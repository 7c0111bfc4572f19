/**
 * A fixed CPU loop, timed: the same code takes 1x-2x as long from one hour to the next on a shared virtual machine,
 * and the engine-overhead figures move with it. Printed beside each scenario so runs can be compared.
 */
export function fixedLoopMs(): number {
  const started = performance.now();
  let sum = 0;
  for (let index = 0; index < 200_000_000; index += 1) sum += index % 7;
  if (sum < 0) throw new Error('unreachable: keeps the loop from being optimised away');
  return Math.round(performance.now() - started);
}
