import { createRoot } from 'react-dom/client';
import { App } from './components/App/App';
import { connectHost } from './host/connect-host';
import { strings } from './strings/en';

const root = createRoot(document.getElementById('root') ?? document.body);

connectHost().then(
  (session) => root.render(<App session={session} />),
  // No host and no standalone sign-in: nothing else can work, so say so plainly.
  (error: unknown) => root.render(<p role="alert">{`${strings.signIn.failed} ${strings.signIn.hint} (${String(error)})`}</p>),
);
