import { TeamsInfo, type TurnContext } from 'botbuilder';

export interface TurnTeam {
  /** The team's Entra group id (what Graph and audiences use). */
  id: string;
  name: string;
}

/**
 * The team a compose-box invoke came from. Teams puts the team in `channelData.team`; its `aadGroupId` is not
 * always there, and then the Connector's team details give it.
 */
export async function teamOfTurn(context: TurnContext): Promise<TurnTeam | undefined> {
  const team = (context.activity.channelData as { team?: { id?: string; name?: string; aadGroupId?: string } } | undefined)?.team;
  if (!team?.id && !team?.aadGroupId) return undefined;
  if (team.aadGroupId) return { id: team.aadGroupId, name: team.name ?? 'this team' };
  const details = await TeamsInfo.getTeamDetails(context, team.id);
  return details.aadGroupId ? { id: details.aadGroupId, name: details.name ?? team.name ?? 'this team' } : undefined;
}
