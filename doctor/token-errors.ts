/** What Entra answered, from an msal error (its errorCode is the OAuth error, its message holds the AADSTS text). */
export function describeTokenError(error: unknown): { code: string; message: string } {
  const value = error as { errorCode?: unknown; errorMessage?: unknown; message?: unknown };
  const code = typeof value.errorCode === 'string' && value.errorCode ? value.errorCode : 'error';
  const text = typeof value.errorMessage === 'string' && value.errorMessage ? value.errorMessage : String(value.message ?? error);
  return { code, message: firstLine(text) };
}

/** The AADSTS sentence without the trace/correlation lines Entra appends. */
function firstLine(text: string): string {
  return text.split(/\r?\n|\\r\\n/)[0]!.trim();
}

/** A fix for the Entra errors a misconfigured app gets, naming the settings to change. */
export function fixForTokenError(code: string, message: string, settings: { clientId: string; secret: string; app: string }): string {
  if (code === 'invalid_client') {
    return `${settings.secret} is wrong or expired: in the Entra admin center open App registrations > ${settings.app} > Certificates & secrets, add a new client secret and put its Value (not its ID) in ${settings.secret}.`;
  }
  if (code === 'unauthorized_client' || /AADSTS700016/.test(message)) {
    return `${settings.clientId} is not an app registration of HERALD_TENANT_ID's tenant: check both values (Entra admin center > App registrations > ${settings.app} > Overview).`;
  }
  if (/AADSTS90002/.test(message)) return 'HERALD_TENANT_ID names no tenant: copy the Directory (tenant) ID from the Entra admin center > Overview.';
  return `Check HERALD_AUTHORITY_URL, HERALD_TENANT_ID, ${settings.clientId} and ${settings.secret}.`;
}
