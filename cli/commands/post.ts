import { parseArgs } from 'node:util';
import type { Herald } from '../../app/compose-herald';
import type { Actor } from '../../core/authority/actor';
import { readCardFile } from '../card-file';

export const POST_USAGE = 'post --team TEAM_ID [--channel CHANNEL_ID] --card FILE   post to a team channel (General by default)';

/** `post`: a card in a team's channel, installing Herald in the team when needed (needs a role that may send to teams). */
export async function postCommand(herald: Herald, actor: Actor, args: string[], out: NodeJS.WriteStream): Promise<number> {
  const { values } = parseArgs({ args, options: { team: { type: 'string' }, channel: { type: 'string' }, card: { type: 'string' } }, strict: true });
  if (!values.team || !values.card) throw new Error(`post needs --team and --card.\n  ${POST_USAGE}`);
  const written = await readCardFile(values.card);
  const result = await herald.notifications.postToChannel(actor, { teamId: values.team, channelId: values.channel, written });
  out.write(`${result.installed ? 'Installed Herald in the team, then posted' : 'Posted'} to ${result.conversationId} (activity ${result.activityId}).\n`);
  return 0;
}
