import { app, authentication } from '@microsoft/teams-js';

/** What the tab asks of its Teams host: the four teams-js calls it uses, and nothing else. */
export interface TeamsSdk {
  /** Resolves once the host answered; `validMessageOrigins` admits a host outside Microsoft's own domains. */
  initialize(validMessageOrigins: string[]): Promise<void>;
  /** `locale` is the person's Teams language (`app.locale`, such as `de-de`). */
  getContext(): Promise<{ theme: string; user: HostUser; locale?: string }>;
  onThemeChange(handler: (theme: string) => void): void;
  getAuthToken(): Promise<string>;
}

export interface HostUser {
  id?: string;
  upn?: string;
  displayName?: string;
}

/** The real `@microsoft/teams-js`, the same in Teams and in the emulator's Teams client. */
export const teamsJsSdk: TeamsSdk = {
  initialize: (origins) => app.initialize(origins.length > 0 ? origins : undefined),
  getContext: async () => {
    const context = await app.getContext();
    const user = context.user;
    return { theme: context.app.theme, locale: context.app.locale, user: { id: user?.id, upn: user?.userPrincipalName ?? user?.loginHint, displayName: user?.displayName } };
  },
  onThemeChange: (handler) => app.registerOnThemeChangeHandler(handler),
  getAuthToken: () => authentication.getAuthToken(),
};
