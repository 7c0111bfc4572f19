import { HeraldError } from '../errors/herald-error';
import type { DirectoryPort, DirectoryUser } from '../ports/directory';
import { PlatformError } from '../ports/platform-error';
import { describeSource, type AudienceSource } from './audience-spec';
import { parseRecipientCsv } from './csv-recipients';
import type { ReportBuilder } from './report-builder';

/** A CSV page: 300 entries, which the Graph directory looks up as one `$batch` of 20 `in (…)` filters of 15 values. */
const LOOKUP_CHUNK = 300;

/** The people of one audience source, one directory page at a time. Unknown entries go to the report. */
export async function* sourcePages(directory: DirectoryPort, source: AudienceSource, report: ReportBuilder): AsyncGenerator<DirectoryUser[]> {
  const label = describeSource(source);
  switch (source.kind) {
    case 'everyone':
      yield* directory.allUsers();
      return;
    case 'user': {
      const user = await directory.findUser(source.id);
      if (user) yield [user];
      else report.unresolved({ source: label, value: source.id, reason: 'no such user in the directory' });
      return;
    }
    case 'group':
      if (!(await directory.findGroup(source.id))) throw unknown('group', source.id);
      yield* directory.groupMembers(source.id);
      return;
    case 'team':
      yield* teamPages(directory, source.id);
      return;
    case 'csv':
      yield* csvPages(directory, source.text, report);
      return;
  }
}

/** Team membership lists lack guest/enabled flags and UPNs; look each page up to filter and report properly. */
async function* teamPages(directory: DirectoryPort, teamId: string): AsyncGenerator<DirectoryUser[]> {
  try {
    for await (const members of directory.teamMembers(teamId)) {
      if (members.length > 0) yield await directory.findUsers(members.map((member) => member.userId));
    }
  } catch (error) {
    if (error instanceof PlatformError && error.status === 404) throw unknown('team', teamId);
    throw error;
  }
}

async function* csvPages(directory: DirectoryPort, text: string, report: ReportBuilder): AsyncGenerator<DirectoryUser[]> {
  const { entries, rejected, rows } = parseRecipientCsv(text);
  report.csvRejected(rejected);
  for (let start = 0; start < entries.length; start += LOOKUP_CHUNK) {
    const chunk = entries.slice(start, start + LOOKUP_CHUNK);
    const found = await directory.findUsers(chunk);
    const known = new Set(found.flatMap((user) => [user.id.toLowerCase(), user.userPrincipalName.toLowerCase()]));
    for (const entry of chunk) {
      if (!known.has(entry.toLowerCase())) report.unresolved({ source: 'csv', value: entry, reason: 'not found in the directory', row: rows.get(entry) });
    }
    yield found;
  }
}

function unknown(kind: 'group' | 'team', id: string): HeraldError {
  return new HeraldError('audience_invalid', `There is no ${kind} with id ${id} in the directory.`, { details: { kind, id } });
}
