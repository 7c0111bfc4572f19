import path from 'node:path';
import { buildAppPackage, MissingValuesError } from './build-package';

/** `npm run package -- --env dev [--out DIR]`: builds appPackage/build/appPackage.<env>.zip. */
async function main(argv: string[]): Promise<number> {
  const environment = option(argv, '--env') ?? 'dev';
  const outDir = option(argv, '--out');
  const rootDir = path.resolve(__dirname, '..', '..');
  try {
    const built = await buildAppPackage({ rootDir, environment, ...(outDir ? { outDir: path.resolve(outDir) } : {}) });
    process.stdout.write(`Built ${path.relative(process.cwd(), built.zipPath)} (manifest ${String(built.manifest.manifestVersion)}, app id ${String(built.manifest.id)})\n`);
    return 0;
  } catch (error) {
    if (error instanceof MissingValuesError) {
      process.stderr.write(`${error.message}\n`);
      return 2;
    }
    process.stderr.write(`Cannot build the app package: ${(error as Error).message}\n`);
    return 1;
  }
}

function option(argv: string[], name: string): string | undefined {
  const index = argv.indexOf(name);
  if (index >= 0) return argv[index + 1];
  const inline = argv.find((arg) => arg.startsWith(`${name}=`));
  return inline?.slice(name.length + 1);
}

void main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
