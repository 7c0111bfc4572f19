import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { buildAppPackage, MissingValuesError } from '../../scripts/package/build-package';

const run = promisify(execFile);
const rootDir = path.resolve(__dirname, '..', '..');

/** A copy of appPackage/ with a chosen env file, so tests never touch the real env/ folder. */
function projectWith(envFile: string, userFile?: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'herald-project-'));
  cpSync(path.join(rootDir, 'appPackage'), path.join(dir, 'appPackage'), { recursive: true, filter: (source) => !source.includes(`${path.sep}build`) });
  mkdirSync(path.join(dir, 'env'));
  writeFileSync(path.join(dir, 'env', '.env.test'), envFile);
  if (userFile !== undefined) writeFileSync(path.join(dir, 'env', '.env.test.user'), userFile);
  return dir;
}

const devEnv = readFileSync(path.join(rootDir, 'env', '.env.dev'), 'utf8');

describe('npm run package', () => {
  it('when BOT_ID is empty and TAB_DOMAIN absent, then the build is refused naming both and the file to set them in', async () => {
    const env = devEnv.replace(/^BOT_ID=.*$/m, 'BOT_ID=').replace(/^TAB_DOMAIN=.*$/m, '');
    const dir = projectWith(env);
    const refusal = buildAppPackage({ rootDir: dir, environment: 'test' });
    await expect(refusal).rejects.toBeInstanceOf(MissingValuesError);
    await expect(refusal).rejects.toMatchObject({ missing: ['BOT_ID', 'TAB_DOMAIN'] });
    await expect(refusal).rejects.toThrow(/BOT_ID: set it in env[\\/]\.env\.test/);
  });

  it('when a value holding quotes is set only in the .user file, then it fills the manifest and the JSON stays valid', async () => {
    const env = devEnv.replace(/^PUBLISHER_NAME=.*$/m, '');
    const dir = projectWith(env, `PUBLISHER_NAME='Fabrikam "Comms"'\n`);
    const built = await buildAppPackage({ rootDir: dir, environment: 'test' });
    expect((built.manifest.developer as { name: string }).name).toBe('Fabrikam "Comms"');
  });

  it('when APP_NAME_SUFFIX is empty, then the package builds with the plain name', async () => {
    const dir = projectWith(devEnv.replace(/^APP_NAME_SUFFIX=.*$/m, 'APP_NAME_SUFFIX='));
    const built = await buildAppPackage({ rootDir: dir, environment: 'test' });
    expect((built.manifest.name as { short: string }).short).toBe('Herald');
  });

  it('when run from the command line with an unknown environment, then it exits non-zero and says which file is missing', async () => {
    const failure = run('npx', ['tsx', 'scripts/package/main.ts', '--env', 'nowhere', '--out', mkdtempSync(path.join(tmpdir(), 'herald-out-'))], { cwd: rootDir });
    await expect(failure).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining('env/.env.nowhere does not exist') });
  });

  it('when run from the command line with --env dev, then it writes the zip and says where', async () => {
    const outDir = mkdtempSync(path.join(tmpdir(), 'herald-out-'));
    const { stdout } = await run('npx', ['tsx', 'scripts/package/main.ts', '--env', 'dev', '--out', outDir], { cwd: rootDir });
    expect(stdout).toContain('appPackage.dev.zip');
    expect(readFileSync(path.join(outDir, 'appPackage.dev.zip')).subarray(0, 2).toString()).toBe('PK');
  });
});
