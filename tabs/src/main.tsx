import { createRoot } from 'react-dom/client';
import { App } from './components/App/App';
import { connectHost } from './host/connect-host';
import { loadLanguage, setLocale, strings } from './strings';

const root = createRoot(document.getElementById('root') ?? document.body);

connectHost().then(
  async (session) => {
    // The person's language arrives before the first word is drawn (English if it cannot be fetched).
    await loadLanguage(session.locale).catch(() => undefined);
    root.render(<App session={session} />);
  },
  // No host and no standalone sign-in: nothing else can work, so say so plainly, in the browser's language.
  (error: unknown) => {
    setLocale(navigator.language);
    root.render(<p role="alert">{`${strings.signIn.failed} ${strings.signIn.hint} (${String(error)})`}</p>);
  },
);
