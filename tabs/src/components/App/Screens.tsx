import type { Me } from '../../../../api/contract/admin';
import { Audit } from '../Audit/Audit';
import { Compose } from '../Compose/Compose';
import { NotAuthorised } from '../NotAuthorised/NotAuthorised';
import { Notifications } from '../Notifications/Notifications';
import { Report } from '../Report/Report';
import { Senders } from '../Senders/Senders';
import type { useApp, Screen } from './useApp';

type Navigation = ReturnType<typeof useApp>['nav'];

function Current(props: { screen: Screen; me: Me; nav: Navigation }) {
  const { screen, nav } = props;
  switch (screen.name) {
    case 'compose':
      return <Compose key={screen.key} target={screen.target} me={props.me} nav={nav} />;
    case 'report':
      return <Report key={screen.id} id={screen.id} nav={nav} />;
    case 'notifications':
      return <Notifications nav={nav} />;
    case 'senders':
      return <Senders />;
    case 'audit':
      return <Audit />;
  }
}

/** One screen per navigation entry; the shell picks which. */
export const Screens = { Current, NotAuthorised };
