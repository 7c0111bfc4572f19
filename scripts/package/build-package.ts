import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { loadEnvironment } from './env-files';
import { fillPlaceholders, missingPlaceholders } from './placeholders';
import { writeZip } from './zip';
import { schemaErrors } from './validate-manifest';
import { heraldRuleErrors } from './herald-rules';

export interface BuildOptions {
  /** The repository root (where appPackage/ and env/ are). */
  rootDir: string;
  /** `dev`, `local`, …: reads env/.env.<environment> (+ .user). */
  environment: string;
  /** Where the zip goes; appPackage/build by default. */
  outDir?: string;
}

export interface BuiltPackage {
  zipPath: string;
  /** The filled manifest, also written beside the zip as manifest.<env>.json (as the toolkit does). */
  manifestPath: string;
  manifest: Record<string, unknown>;
}

/** A placeholder without a value: the packager names each one and the file to set it in. */
export class MissingValuesError extends Error {
  constructor(readonly missing: string[], readonly idsFile: string, readonly secretsFile: string) {
    super(
      [
        `Cannot build the app package: ${missing.length === 1 ? 'this placeholder has' : 'these placeholders have'} no value:`,
        ...missing.map((name) => `  - ${name}: set it in ${name.startsWith('SECRET_') ? secretsFile : idsFile}`),
        'Run `teamsapp provision` for this environment to have the toolkit write them, or set them by hand.',
      ].join('\n'),
    );
    this.name = 'MissingValuesError';
  }
}

/** The filled manifest breaks Microsoft's schema or Herald's rules: nothing is written. */
export class InvalidManifestError extends Error {
  constructor(readonly problems: string[]) {
    super(['The filled manifest is not valid:', ...problems.map((problem) => `  - ${problem}`)].join('\n'));
    this.name = 'InvalidManifestError';
  }
}

const iconsOf = z.object({ icons: z.object({ color: z.string(), outline: z.string() }) });

/** Fills appPackage/manifest.json for one environment and zips it with its two icons at the zip's root. */
export async function buildAppPackage(options: BuildOptions): Promise<BuiltPackage> {
  const packageDir = path.join(options.rootDir, 'appPackage');
  const outDir = options.outDir ?? path.join(packageDir, 'build');
  const environment = loadEnvironment(options.rootDir, options.environment);
  const template = readFileSync(path.join(packageDir, 'manifest.json'), 'utf8');
  const missing = missingPlaceholders(template, environment.values);
  if (missing.length > 0) {
    throw new MissingValuesError(missing, relative(options.rootDir, environment.idsFile), relative(options.rootDir, environment.secretsFile));
  }
  const filled = fillPlaceholders(template, environment.values);
  const manifest = JSON.parse(filled) as Record<string, unknown>;
  const problems = [...(await schemaErrors(manifest)), ...heraldRuleErrors(manifest)];
  if (problems.length > 0) throw new InvalidManifestError(problems);
  const { icons } = iconsOf.parse(manifest);

  mkdirSync(outDir, { recursive: true });
  const manifestPath = path.join(outDir, `manifest.${options.environment}.json`);
  writeFileSync(manifestPath, filled);
  const zipPath = path.join(outDir, `appPackage.${options.environment}.zip`);
  await writeZip(zipPath, [
    { name: 'manifest.json', data: Buffer.from(filled) },
    { name: path.basename(icons.color), data: readFileSync(path.join(packageDir, icons.color)) },
    { name: path.basename(icons.outline), data: readFileSync(path.join(packageDir, icons.outline)) },
  ]);
  return { zipPath, manifestPath, manifest };
}

function relative(rootDir: string, file: string): string {
  return path.relative(rootDir, file) || file;
}
