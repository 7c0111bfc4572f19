import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PNG } from 'pngjs';
import { buildAppPackage } from '../../scripts/package/build-package';
import { heraldRuleErrors } from '../../scripts/package/herald-rules';
import { schemaErrors } from '../../scripts/package/validate-manifest';
import { readZip } from './read-zip';

const rootDir = path.resolve(__dirname, '..', '..');

describe('the dev app package', () => {
  let files: Map<string, Buffer>;
  let manifest: Record<string, any>;

  beforeAll(async () => {
    const outDir = mkdtempSync(path.join(tmpdir(), 'herald-package-'));
    const built = await buildAppPackage({ rootDir, environment: 'dev', outDir });
    expect(built.zipPath).toBe(path.join(outDir, 'appPackage.dev.zip'));
    files = readZip(readFileSync(built.zipPath));
    manifest = JSON.parse(files.get('manifest.json')!.toString('utf8'));
  });

  it('when built, then the zip holds manifest.json and both icons at its root, and nothing else', () => {
    expect([...files.keys()].sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
  });

  it('when built, then every placeholder is filled from env/.env.dev', () => {
    expect(files.get('manifest.json')!.toString('utf8')).not.toContain('${{');
    expect(manifest.id).toBe('00000000-0000-4000-8000-00000000a001');
    expect(manifest.name.short).toBe('Herald-dev');
  });

  it("when validated offline against Microsoft's schema for its manifestVersion, then it has no error", async () => {
    expect(Number(manifest.manifestVersion)).toBeGreaterThanOrEqual(1.19);
    expect(manifest.$schema).toBe(`https://developer.microsoft.com/json-schemas/teams/v${manifest.manifestVersion}/MicrosoftTeams.schema.json`);
    expect(await schemaErrors(manifest)).toEqual([]);
  });

  it("when a manifest breaks Microsoft's schema, then the validator names the field", async () => {
    const broken = { ...manifest, bots: [{ ...manifest.bots[0], scopes: ['everyone'] }] };
    expect((await schemaErrors(broken)).join('\n')).toContain('/bots/0/scopes/0');
  });

  it('when checked against Herald\'s rules, then the ids agree and every page is on a valid domain', () => {
    expect(heraldRuleErrors(manifest)).toEqual([]);
    expect(manifest.composeExtensions[0].botId).toBe(manifest.bots[0].botId);
    expect(manifest.webApplicationInfo).toEqual({
      id: '00000000-0000-4000-8000-00000000a002',
      resource: 'api://herald-dev.example.net/00000000-0000-4000-8000-00000000a002',
    });
  });

  it('when the compose extension names another bot, then Herald\'s rules refuse it', () => {
    const other = { ...manifest, composeExtensions: [{ ...manifest.composeExtensions[0], botId: '00000000-0000-4000-8000-0000000000ff' }] };
    expect(heraldRuleErrors(other)).toEqual([expect.stringContaining("must be the bot's id")]);
  });

  it("when a tab's page is on a domain missing from validDomains, then Herald's rules name the host", () => {
    const tabs = [{ entityId: 'x', scopes: ['personal'], contentUrl: 'https://elsewhere.example.org/tab' }];
    expect(heraldRuleErrors({ ...manifest, staticTabs: tabs })).toEqual([expect.stringContaining('elsewhere.example.org')]);
  });

  it('when webApplicationInfo.resource does not end with its id, then Herald\'s rules refuse it', () => {
    const sso = { id: manifest.webApplicationInfo.id, resource: `api://herald-dev.example.net/${manifest.bots[0].botId}` };
    expect(heraldRuleErrors({ ...manifest, webApplicationInfo: sso })).toEqual([expect.stringContaining('must end with webApplicationInfo.id')]);
  });

  it('when read, then the bot, the "announce" command and the admin tab are declared as Teams expects', () => {
    expect(manifest.bots[0]).toMatchObject({ scopes: ['personal', 'team'], supportsFiles: false });
    expect(manifest.composeExtensions[0].commands[0]).toMatchObject({ id: 'announce', title: 'Announce', type: 'action', fetchTask: true, context: ['compose', 'commandBox'] });
    expect(manifest.staticTabs[0]).toMatchObject({ contentUrl: 'https://herald-dev.example.net/tab/index.html', scopes: ['personal'] });
  });

  it('when decoded, then the colour icon is 192×192 and opaque', () => {
    const color = PNG.sync.read(files.get(manifest.icons.color)!);
    expect([color.width, color.height]).toEqual([192, 192]);
    expect(alphas(color).every((alpha) => alpha === 255)).toBe(true);
  });

  it('when decoded, then the outline icon is 32×32, white only, on a transparent background', () => {
    const outline = PNG.sync.read(files.get(manifest.icons.outline)!);
    expect([outline.width, outline.height]).toEqual([32, 32]);
    const pixels = Array.from({ length: 32 * 32 }, (_, index) => [...outline.data.subarray(index * 4, index * 4 + 4)]);
    const visible = pixels.filter(([, , , alpha]) => alpha! > 0);
    expect(visible.every(([r, g, b]) => r === 255 && g === 255 && b === 255)).toBe(true);
    expect(pixels[0]![3]).toBe(0);
    expect(visible.length).toBeGreaterThan(50);
    expect(visible.length).toBeLessThan(32 * 32 * 0.6);
  });
});

function alphas(png: PNG): number[] {
  return Array.from({ length: png.width * png.height }, (_, index) => png.data[index * 4 + 3]!);
}
