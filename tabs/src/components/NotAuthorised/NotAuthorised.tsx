import { Text } from '@fluentui/react-components';
import { strings } from '../../strings/en';
import { useNotAuthorisedStyles } from './useNotAuthorisedStyles.styles';

/** Shown for any 403: says why, and names the Herald administrators who can grant access. */
export function NotAuthorised(props: { admins: string[] }) {
  const styles = useNotAuthorisedStyles();
  return (
    <main className={styles.root} aria-labelledby="herald-forbidden-title">
      <Text as="h1" id="herald-forbidden-title" size={600} weight="semibold">{strings.forbidden.title}</Text>
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
