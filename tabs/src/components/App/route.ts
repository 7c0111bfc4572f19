/**
 * Where the person is in the tab, kept in the address's fragment (`#/compose/d1`), so a reload (or Teams
 * re-opening the tab) lands on the same draft or report instead of a blank form.
 */
export type NotificationSection = 'drafts' | 'scheduled' | 'sent';

export type Route =
  | { name: 'compose'; id?: string }
  | { name: 'edit'; id: string }
  | { name: 'report'; id: string }
  | { name: 'notifications'; section: NotificationSection }
  | { name: 'senders' }
  | { name: 'audit' };

const SECTIONS: NotificationSection[] = ['drafts', 'scheduled', 'sent'];

export function parseRoute(hash: string): Route {
  const [name = '', rawId] = hash.replace(/^#\/?/, '').split('/');
  const id = rawId ? decodeURIComponent(rawId) : undefined;
  if (name === 'compose') return id ? { name, id } : { name };
  if ((name === 'edit' || name === 'report') && id) return { name, id };
  if (name === 'notifications') return { name, section: SECTIONS.includes(id as NotificationSection) ? (id as NotificationSection) : 'sent' };
  if (name === 'senders' || name === 'audit') return { name };
  return { name: 'compose' };
}

export function formatRoute(route: Route): string {
  switch (route.name) {
    case 'compose':
      return route.id ? `#/compose/${encodeURIComponent(route.id)}` : '#/compose';
    case 'edit':
    case 'report':
      return `#/${route.name}/${encodeURIComponent(route.id)}`;
    case 'notifications':
      return `#/notifications/${route.section}`;
    default:
      return `#/${route.name}`;
  }
}
