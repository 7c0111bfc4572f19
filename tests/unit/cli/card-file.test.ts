import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { readCardFile } from '../../../cli/card-file';

describe('the --card file', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'herald-card-file-'));
  const file = (name: string, text: string): string => {
    const target = path.join(dir, name);
    writeFileSync(target, text);
    return target;
  };

  it('when it is an Adaptive Card, then it is sent as it is, titled by its first text block', async () => {
    const card = { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'Image', url: 'https://x/y.png' }, { type: 'TextBlock', text: 'Office closed Friday' }] };
    await expect(readCardFile(file('raw.json', JSON.stringify(card)))).resolves.toEqual({ card, title: 'Office closed Friday' });
  });

  it("when it is Herald's card content, then it is kept as content (Herald builds its card, and the tab can edit and copy it)", async () => {
    const written = await readCardFile(path.join(__dirname, '..', '..', '..', 'examples', 'cards', 'all-hands.json'));
    expect('content' in written && written.content.title).toBe('Quarterly all-hands: Thursday 10:00');
    expect(JSON.stringify(written)).toContain('https://intranet.contoso.example/all-hands');
  });

  it('when the file does not exist, then the error says so', async () => {
    await expect(readCardFile(path.join(dir, 'missing.json'))).rejects.toMatchObject({
      code: 'card_invalid',
      message: expect.stringMatching(/missing\.json cannot be read: there is no such file/),
    });
  });

  it('when the file is not JSON, then the error names the file and the parser\'s complaint', async () => {
    await expect(readCardFile(file('broken.json', '{"type": "AdaptiveCard", "body": ['))).rejects.toMatchObject({
      code: 'card_invalid',
      message: expect.stringMatching(/broken\.json is not valid JSON: /),
    });
  });

  it('when it is neither a card nor valid content, then every refused field is listed', async () => {
    const content = { title: '', buttons: [{ title: 'Go', url: 'http://insecure.example' }] };
    await expect(readCardFile(file('content.json', JSON.stringify(content)))).rejects.toMatchObject({
      code: 'card_invalid',
      message: expect.stringMatching(/neither an Adaptive Card nor Herald card content: title: a title is required; buttons\.0\.url: must start with https:\/\//),
    });
  });
});
