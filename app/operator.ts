import type { Actor } from '../core/authority/actor';
import { HeraldError } from '../core/errors/herald-error';
import type { DirectoryPort } from '../core/ports/directory';

/**
 * The command line's operator as an actor: a person of the directory, named by `--as`, HERALD_OPERATOR, or locally
 * the tab's default person. Their Herald role decides what the command line may do, as for anyone.
 */
export async function operatorActor(deps: { directory: DirectoryPort; tenantId: string }, who: string | undefined): Promise<Actor> {
  if (!who) {
    throw new HeraldError('unauthenticated', 'Say who you are: add --as <your UPN> (or set HERALD_OPERATOR). The command line acts as that person, with their Herald role, and the audit log names them.');
  }
  const person = await deps.directory.findUser(who);
  if (!person) throw new HeraldError('not_found', `Nobody called ${who} is in your organisation's directory: check --as (or HERALD_OPERATOR).`);
  return { tenantId: deps.tenantId, userId: person.id, upn: person.userPrincipalName, displayName: person.displayName, origin: 'cli' };
}

/** The person the local tab and command line act as: the first configured admin given as a UPN, else the tenant's first member. */
export async function firstPerson(directory: DirectoryPort, admins: string[] | undefined): Promise<string | undefined> {
  const named = admins?.find((entry) => entry.includes('@'));
  if (named) return named;
  for await (const page of directory.allUsers()) {
    const person = page.find((user) => user.accountEnabled && user.userType === 'Member');
    if (person) return person.userPrincipalName;
  }
  return undefined;
}
