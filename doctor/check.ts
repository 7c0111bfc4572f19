import type { Env } from '../config/env';

export type CheckStatus = 'pass' | 'fail' | 'skip';

/** What one check found: a one-line verdict and, when it failed, what to do about it. */
export interface CheckResult {
  status: CheckStatus;
  /** What was checked ("Graph token"). */
  title: string;
  /** What was found, in a person's words. Never a secret or a token. */
  detail: string;
  /** What to do; present when the check failed. */
  fix?: string;
}

/** What the checks share: the parsed configuration and what earlier checks obtained. */
export interface DoctorState {
  /** The raw HERALD_* settings (from the environment and/or the emulator's info). */
  source: Record<string, string | undefined>;
  env?: Env;
  graphToken?: string;
}

export interface Check {
  title: string;
  run(state: DoctorState): Promise<CheckResult>;
}

export const pass = (title: string, detail: string): CheckResult => ({ status: 'pass', title, detail });
export const fail = (title: string, detail: string, fix: string): CheckResult => ({ status: 'fail', title, detail, fix });
export const skip = (title: string, detail: string): CheckResult => ({ status: 'skip', title, detail });
