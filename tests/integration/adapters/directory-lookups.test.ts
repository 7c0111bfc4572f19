import type { RunningEmulator } from '../../../emulator/server';
import { GraphDirectory } from '../../../adapters/graph/directory';
import { sourcePages } from '../../../core/audience/source-pages';
import { ReportBuilder } from '../../../core/audience/report-builder';
import { graphHttpFor, startTestEmulator } from '../../support/emulator';

describe('directory lookups against the emulator: few Graph calls, encoded terms', () => {
  let emulator: RunningEmulator;
  let directory: GraphDirectory;
  const people = () => emulator.context.state.directory.users;

  beforeAll(async () => {
    emulator = await startTestEmulator({ users: 700 });
    directory = new GraphDirectory(graphHttpFor(emulator));
  });
  afterAll(() => emulator.close());

  it('when an audience preview reads a 650-row CSV, then Graph is asked in a few $batch calls, not once per row', async () => {
    const known = people().slice(0, 640);
    const rows = [
      'upn',
      ...known.slice(0, 320).map((user) => user.userPrincipalName.toUpperCase()),
      ...known.slice(320).map((user) => user.id),
      ...Array.from({ length: 10 }, (_, index) => `nobody${index}@contoso.example`),
    ];
    const report = new ReportBuilder();
    emulator.context.counters.reset();
    const found: string[] = [];
    for await (const page of sourcePages(directory, { kind: 'csv', text: rows.join('\n') }, report)) found.push(...page.map((user) => user.id));
    const counters = emulator.context.counters.snapshot();

    expect(new Set(found)).toEqual(new Set(known.map((user) => user.id)));
    expect(report.build({ recipients: 0, needInstall: 0, estimatedSeconds: 0, resolvedAt: 0 }).unresolved.map((entry) => entry.value)).toEqual(rows.slice(-10));
    // 650 entries in 3 pages of at most 300: each page's `in (…)` lookups of at most 15 values travel in $batch
    // calls of 20 (Graph counts each lookup; the emulator counts the $batch request and each one inside it).
    const lookups = (counters['graph.requests'] ?? 0) - (counters['graph.batch'] ?? 0);
    expect(lookups).toBeLessThanOrEqual(Math.ceil(650 / 15) + 3);
    expect(counters['graph.batch']).toBeLessThanOrEqual(Math.ceil(lookups / 20) + 3);
    expect(counters['graph.requests']).toBeLessThan(60);
  });

  it('when a page of team members is looked up, then the ids go in `in (…)` filters too', async () => {
    const ids = people().slice(0, 40).map((user) => user.id);
    emulator.context.counters.reset();
    const found = await directory.findUsers(ids);
    expect(found.map((user) => user.id).sort()).toEqual([...ids].sort());
    expect(emulator.context.counters.snapshot()).toMatchObject({ 'graph.batch': 1, 'graph.requests': 1 + 3 });
  });

  it("when a search term holds ' & # %, then people, groups and teams are still found (the terms are URL-encoded)", async () => {
    const term = "O'Brien & Co #1 100%";
    const person = people()[5]!;
    person.displayName = `${term} Person`;
    const group = emulator.context.state.directory.groups[3]!;
    group.displayName = `${term} Group`;
    const team = emulator.context.state.directory.teams[0]!;
    team.displayName = `${term} Team`;

    await expect(directory.searchPeople(term, 5)).resolves.toEqual([expect.objectContaining({ id: person.id })]);
    await expect(directory.searchGroups(term, 5)).resolves.toEqual(expect.arrayContaining([expect.objectContaining({ id: group.id })]));
    await expect(directory.searchTeams(term, 5)).resolves.toEqual([{ id: team.id, displayName: `${term} Team` }]);
  });
});
