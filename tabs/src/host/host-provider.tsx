import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import type { HostSession } from './connect-host';
import type { HostTheme } from './host-theme';

interface HostValue {
  session: HostSession;
  theme: HostTheme;
}

const HostContext = createContext<HostValue | undefined>(undefined);

/** Publishes the host session and follows the host's theme live. */
export function HostProvider(props: { session: HostSession; children: ReactNode }) {
  const { session } = props;
  const [theme, setTheme] = useState<HostTheme>(session.theme);
  useEffect(() => session.onThemeChange(setTheme), [session]);
  return <HostContext.Provider value={{ session, theme }}>{props.children}</HostContext.Provider>;
}

export function useHost(): HostValue {
  const value = useContext(HostContext);
  if (!value) throw new Error('useHost needs a HostProvider above it');
  return value;
}

/** The one way a component gets a token, whichever host signed the user in. */
export function useAuthToken(): () => Promise<string> {
  return useHost().session.getToken;
}
