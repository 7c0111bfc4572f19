/**
 * Takes the global `--as <upn>` (who the command line acts as) out of the arguments, wherever it stands; the rest
 * go to the command.
 */
export function takeActAs(argv: string[]): { as: string | undefined; rest: string[] } {
  const rest: string[] = [];
  let as: string | undefined;
  for (let index = 0; index < argv.length; index += 1) {
    const arg = argv[index]!;
    if (arg === '--as') {
      as = argv[index + 1];
      if (!as || as.startsWith('--')) throw new Error('--as needs a UPN or object id: --as adele@contoso.com');
      index += 1;
    } else if (arg.startsWith('--as=')) {
      as = arg.slice('--as='.length);
    } else {
      rest.push(arg);
    }
  }
  return { as, rest };
}
