import { Spinner } from '@fluentui/react-components';
import type { Me } from '../../../../api/contract/admin';
import { useNotificationQuery } from '../../api/queries';
import { strings } from '../../strings';
import type { Navigation } from '../App/useApp';
import { ComposeEditor } from './ComposeEditor';

export interface ComposeProps {
  /** A saved draft (or, with `editSent`, a sent notification) to open; none for a new one. */
  id?: string;
  mode: 'draft' | 'editSent';
  me: Me;
  nav: Navigation;
}

/** Opens the compose editor on a new card, a saved draft (also after a reload) or a sent card to correct. */
export function Compose(props: ComposeProps) {
  const query = useNotificationQuery(props.id);
  if (props.id && query.isPending) return <Spinner label={strings.loading} />;
  if (props.id && query.isError) return <ComposeEditor key="new" mode="draft" me={props.me} nav={props.nav} notice={{ intent: 'warning', text: strings.compose.notFound }} />;
  return <ComposeEditor mode={props.mode} existing={query.data} me={props.me} nav={props.nav} />;
}
