import { Text } from '@fluentui/react-components';
import { strings } from '../../strings';
import { useNotAuthorisedStyles } from './useNotAuthorisedStyles.styles';

/** Shown for any 403: says who is signed in, why, and names the administrators who can add them on Senders. */
export function NotAuthorised(props: { admins: string[]; who?: string }) {
  const styles = useNotAuthorisedStyles();
  return (
    <main className={styles.root} aria-labelledby="herald-forbidden-title">
      <Text as="h1" id="herald-forbidden-title" size={600} weight="semibold">{strings.forbidden.title}</Text>
      {props.who ? <Text>{strings.forbidden.signedInAs(props.who)}</Text> : null}
      <Text>{strings.forbidden.body}</Text>
      {props.admins.length > 0 ? (
        <>
          <Text>{strings.forbidden.askAdmins}</Text>
          <ul aria-label={strings.forbidden.askAdmins}>
            {props.admins.map((admin) => (
              <li key={admin}>{admin}</li>
            ))}
          </ul>
        </>
      ) : (
        <Text>{strings.forbidden.noAdmins}</Text>
      )}
    </main>
  );
}
