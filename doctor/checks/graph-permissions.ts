import { fail, pass, skip, type Check } from '../check';
import { decodeClaims } from '../jwt-claims';
import { REQUIRED_GRAPH_ROLES } from '../required-permissions';

const CONSENTING_INSTALL = 'TeamsAppInstallation.ReadWriteAndConsentSelfForUser.All';
const PLAIN_INSTALL = 'TeamsAppInstallation.ReadWriteSelfForUser.All';

export const graphPermissionsCheck: Check = {
  title: 'Graph permissions',
  async run(state) {
    if (!state.graphToken || !state.env) return skip(this.title, 'needs a Graph token');
    const granted = new Set(decodeClaims(state.graphToken)?.roles ?? []);
    const missing = REQUIRED_GRAPH_ROLES.filter((role) => !granted.has(role));
    if (missing.length === 0) return pass(this.title, `admin consent covers all ${REQUIRED_GRAPH_ROLES.length} application permissions`);
    const { HERALD_TENANT_ID: tenant, HERALD_CLIENT_ID: clientId } = state.env;
    // A tenant set up before Herald consented to RSC permissions holds the plain install permission only.
    const upgrade = missing.includes(CONSENTING_INSTALL) && granted.has(PLAIN_INSTALL)
      ? ` Herald now consents to its resource-specific permissions (read receipts, activity-feed notifications) when it installs itself, which ${PLAIN_INSTALL} cannot do; ${CONSENTING_INSTALL} replaces it.`
      : '';
    return fail(
      this.title,
      `the token lacks ${missing.join(', ')} (application permissions without admin consent).${upgrade}`,
      `An admin must grant consent: Entra admin center > Identity > Applications > App registrations > Herald > API permissions > add the missing Microsoft Graph application permissions > "Grant admin consent", or open https://login.microsoftonline.com/${tenant}/adminconsent?client_id=${clientId}`,
    );
  },
};
