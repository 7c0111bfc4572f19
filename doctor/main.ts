import { parseArgs } from 'node:util';
import { formatResult, runDoctor } from './run-doctor';
import { doctorSettings } from './settings';

/**
 * `npm run doctor [-- --emulator-info FILE]`: checks Herald's configuration against its tenant (or an emulator)
 * and prints one line per check; exits 1 when any check fails.
 */
async function main(): Promise<number> {
  const { values } = parseArgs({ options: { 'emulator-info': { type: 'string' } }, strict: true });
  let settings: Record<string, string | undefined>;
  try {
    settings = await doctorSettings(process.env, values['emulator-info']);
  } catch (error) {
    process.stderr.write(`doctor: ${(error as Error).message}\n`);
    return 2;
  }
  const results = await runDoctor(settings);
  for (const result of results) process.stdout.write(`${formatResult(result)}\n`);
  const failed = results.filter((result) => result.status === 'fail').length;
  process.stdout.write(failed === 0 ? 'Herald is ready for its first broadcast.\n' : `${failed} check${failed === 1 ? '' : 's'} failed.\n`);
  return failed === 0 ? 0 : 1;
}

void main().then((code) => {
  process.exitCode = code;
});
