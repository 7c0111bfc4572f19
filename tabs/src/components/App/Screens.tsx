import { lazy } from 'react';
import type { Me } from '../../../../api/contract/admin';
import { Compose } from '../Compose/Compose';
import { NotAuthorised } from '../NotAuthorised/NotAuthorised';
import type { Route } from './route';
import type { Navigation } from './useApp';

// Code-split by screen: the first load carries the compose form only; each other screen arrives when opened.
const Notifications = lazy(() => import('../Notifications/Notifications').then((m) => ({ default: m.Notifications })));
const Report = lazy(() => import('../Report/Report').then((m) => ({ default: m.Report })));
const Senders = lazy(() => import('../Senders/Senders').then((m) => ({ default: m.Senders })));
const Audit = lazy(() => import('../Audit/Audit').then((m) => ({ default: m.Audit })));

function Current(props: { route: Route; me: Me; nav: Navigation }) {
  const { route, nav, me } = props;
  switch (route.name) {
    case 'compose':
      return <Compose key={route.id ?? 'new'} id={route.id} mode="draft" me={me} nav={nav} />;
    case 'edit':
      return <Compose key={`edit-${route.id}`} id={route.id} mode="editSent" me={me} nav={nav} />;
    case 'report':
      return <Report key={route.id} id={route.id} nav={nav} me={me} />;
    case 'notifications':
      return <Notifications section={route.section} nav={nav} me={me} />;
    case 'senders':
      return <Senders />;
    case 'audit':
      return <Audit />;
  }
}

/** One screen per route; the shell picks which. */
export const Screens = { Current, NotAuthorised };
