/** The sign-in service refused the person (an unknown account, a tenant Herald does not serve): retrying will not help. */
export class SignInRefused extends Error {
  constructor(readonly status: number) {
    super(`The sign-in service answered ${status}`);
    this.name = 'SignInRefused';
  }
}
