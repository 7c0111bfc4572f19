import { csvField, recipientCsvLine } from '../../../core/reports/recipients-csv';
import type { Recipient } from '../../../core/recipients/recipient';

describe('the report export neutralises spreadsheet formulas (OWASP CSV injection)', () => {
  it.each([
    ['=HYPERLINK("http://evil.example","click")'],
    ['+1+cmd|" /C calc"!A0'],
    ['-2+3'],
    ['@SUM(1,1)'],
    ['\t=1+1'],
    ['\r=1+1'],
    ['   =1+1'],
    ['\u3000=1+1'],
    ['＝1+1'],
    ['＋1'],
    ['－1'],
    ['＠SUM(A1)'],
  ])('when a field starts like a formula (%j), then it is written as text with a leading apostrophe', (value) => {
    const field = csvField(value);
    const unquoted = field.startsWith('"') ? field.slice(1, -1).replace(/""/g, '"') : field;
    expect(unquoted).toBe(`'${value}`);
  });

  it.each([['Ana Silva'], ['ana@contoso.test'], ['  indented text'], ['2026-12-03T22:00:00.000Z'], ['']])(
    'when a field is ordinary (%j), then it is written as it is',
    (value) => expect(csvField(value)).toBe(value),
  );

  it('when a display name carries a formula, then the recipient line keeps it inert and quoted as RFC 4180 asks', () => {
    const recipient = { userId: 'u1', upn: 'x@contoso.test', displayName: '=cmd|"/c calc"!A1', state: 'sent', reason: null, activityId: null, createdAt: 0, updatedAt: 0, sentAt: null } as unknown as Recipient;
    const cells = recipientCsvLine(recipient);
    expect(cells).toContain(`"'=cmd|""/c calc""!A1"`);
  });
});
