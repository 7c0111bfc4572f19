import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseTarget } from '../../../cli/targets';

describe('a --to or --exclude target', () => {
  it.each([
    ['everyone', { kind: 'everyone' }],
    ['user:megan@contoso.com', { kind: 'user', id: 'megan@contoso.com' }],
    ['group:14c04eb2-ec91-4367-b1b2-42ca50b12c5f', { kind: 'group', id: '14c04eb2-ec91-4367-b1b2-42ca50b12c5f' }],
    ['team:abc:with:colons', { kind: 'team', id: 'abc:with:colons' }],
  ])('reads %s', async (value, source) => {
    await expect(parseTarget(value)).resolves.toEqual(source);
  });

  it('reads a CSV target as the file\'s text (its rows are checked when the audience is resolved)', async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'herald-targets-')), 'people.csv');
    writeFileSync(file, 'upn\nmegan@contoso.com\nnot an address\n');
    await expect(parseTarget(`csv:${file}`)).resolves.toEqual({ kind: 'csv', text: 'upn\nmegan@contoso.com\nnot an address\n' });
  });

  it.each(['grp:abc', 'user:', 'Everyone', ''])('refuses "%s" and says what a target looks like', async (value) => {
    await expect(parseTarget(value)).rejects.toMatchObject({ code: 'audience_invalid', message: expect.stringContaining('use user:<id or UPN>, group:<id>') });
  });

  it('when the CSV file cannot be read, then the error names it', async () => {
    await expect(parseTarget('csv:/nowhere/people.csv')).rejects.toMatchObject({ code: 'csv_invalid', message: expect.stringContaining('/nowhere/people.csv cannot be read') });
  });
});
