import { parseArgs } from 'node:util';
import type { Herald } from '../../app/compose-herald';
import { readCardFile } from '../card-file';

export const POST_USAGE = 'post --team TEAM_ID [--channel CHANNEL_ID] --card FILE   post to a team channel (General by default)';

/** `post`: a card in a team's channel, installing Herald in the team when needed. */
export async function postCommand(herald: Herald, args: string[], out: NodeJS.WriteStream): Promise<number> {
  const { values } = parseArgs({ args, options: { team: { type: 'string' }, channel: { type: 'string' }, card: { type: 'string' } }, strict: true });
  if (!values.team || !values.card) throw new Error(`post needs --team and --card.\n  ${POST_USAGE}`);
  const { card, title } = await readCardFile(values.card);
  const result = await herald.engine.postToChannel({ tenantId: herald.settings.tenantId, teamId: values.team, channelId: values.channel, card, title });
  out.write(`${result.installed ? 'Installed Herald in the team, then posted' : 'Posted'} to ${result.conversationId} (activity ${result.activityId}).\n`);
  return 0;
}
