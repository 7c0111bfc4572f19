import { readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import { parse } from 'yaml';
import { parseDotenv } from '../../scripts/package/env-files';
import { placeholdersIn } from '../../scripts/package/placeholders';
import schema from './schemas/teamsapp-yaml-v1.8.extract.json';

const rootDir = path.resolve(__dirname, '..', '..');
const read = (file: string): string => readFileSync(path.join(rootDir, file), 'utf8');

/** Microsoft Graph's app-role ids (permissions reference, "Application" column) for Herald's permissions. */
const GRAPH_APP_ROLES: Record<string, string> = {
  'a87076cf-6abd-4e56-8559-4dbdf41bef96': 'TeamsAppInstallation.ReadWriteAndConsentSelfForUser.All',
  '9f67436c-5415-4e7f-8ac1-3014a7132630': 'TeamsAppInstallation.ReadWriteSelfForTeam.All',
  'df021288-bdef-4463-88db-98f22de89214': 'User.Read.All',
  '98830695-27a2-44f7-8c18-0c3ebc9698f6': 'GroupMember.Read.All',
  '660b7406-55f1-41ca-a0ed-0b035e182f3e': 'TeamMember.Read.All',
  'e12dae10-5a57-4817-b79d-dfbec5348930': 'AppCatalog.Read.All',
};

describe.each(['teamsapp.yml', 'teamsapp.local.yml'])('%s', (file) => {
  const text = read(file);
  const document = parse(text) as { version: string; provision: Array<{ uses: string }> };

  it("when checked against the toolkit's published schema for its version, then it is valid", () => {
    const validate = compileSchema();
    const valid = validate(document);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('when opened in an editor, then its yaml-language-server line points at the schema of its declared version', () => {
    expect(text.split('\n')[0]).toBe(`# yaml-language-server: $schema=https://aka.ms/teams-toolkit/${document.version}/yaml.schema.json`);
  });

  it('when provisioning, then the Entra app is updated from aad.manifest.json and the package is validated before it is uploaded', () => {
    const steps = document.provision.map((step) => step.uses);
    expect(steps).toEqual(expect.arrayContaining(['teamsApp/create', 'aadApp/create', 'aadApp/update', 'teamsApp/validateManifest', 'teamsApp/zipAppPackage', 'teamsApp/validateAppPackage', 'teamsApp/update']));
    expect(steps.indexOf('teamsApp/validateAppPackage')).toBeLessThan(steps.indexOf('teamsApp/update'));
  });

  it('when an action names a variable, then an env file, an earlier action, the Bicep outputs or a SECRET_ entry provides it', () => {
    const known = knownVariables();
    const files = [file, 'aad.manifest.json', 'infra/azure.parameters.json', 'appPackage/manifest.json'];
    const unknown = files.flatMap((name) => placeholdersIn(read(name)).filter((variable) => !known.has(variable) && !variable.startsWith('SECRET_')).map((variable) => `${name}: ${variable}`));
    expect(unknown).toEqual([]);
  });
});

describe('teamsapp.yml', () => {
  it('when an action argument is misspelt, then the schema rejects it', () => {
    const document = parse(read('teamsapp.yml')) as { provision: Array<Record<string, unknown>> };
    document.provision[0] = { uses: 'teamsApp/create', with: { appName: 'Herald' }, writeToEnvironmentFile: { teamsAppId: 'TEAMS_APP_ID' } };
    expect(compileSchema()(document)).toBe(false);
  });

  it('when publishing, then it publishes the package to the organisation catalog', () => {
    const document = parse(read('teamsapp.yml')) as { publish: Array<{ uses: string }>; deploy: Array<{ uses: string }> };
    expect(document.publish.map((step) => step.uses)).toContain('teamsApp/publishAppPackage');
    expect(document.deploy.map((step) => step.uses)).toEqual(['cli/runNpmCommand', 'cli/runNpmCommand', 'azureAppService/zipDeploy']);
  });
});

describe('aad.manifest.json', () => {
  const manifest = JSON.parse(read('aad.manifest.json'));

  it('when read, then it requests exactly Herald\'s six Graph application permissions, nothing delegated', () => {
    const graph = manifest.requiredResourceAccess.find((resource: { resourceAppId: string }) => resource.resourceAppId === '00000003-0000-0000-c000-000000000000');
    expect(manifest.requiredResourceAccess).toHaveLength(1);
    expect(graph.resourceAccess.every((access: { type: string }) => access.type === 'Role')).toBe(true);
    expect(graph.resourceAccess.map((access: { id: string }) => GRAPH_APP_ROLES[access.id]).sort()).toEqual(Object.values(GRAPH_APP_ROLES).sort());
  });

  it('when read, then it exposes access_as_user on the manifest\'s SSO resource and pre-authorises the Teams clients for it', () => {
    const scope = manifest.oauth2Permissions[0];
    expect(scope).toMatchObject({ value: 'access_as_user', type: 'User', isEnabled: true });
    expect(manifest.identifierUris).toEqual([JSON.parse(read('appPackage/manifest.json')).webApplicationInfo.resource]);
    const clients = manifest.preAuthorizedApplications.map((client: { appId: string }) => client.appId);
    expect(clients).toEqual(expect.arrayContaining(['1fec8e78-bce4-4aaf-ab1b-5451cc387264', '5e3ce6c0-2b1f-4285-8d4b-75ee78787346']));
    for (const client of manifest.preAuthorizedApplications) expect(client.permissionIds).toEqual([scope.id]);
    expect(manifest.accessTokenAcceptedVersion).toBe(2);
  });
});

function compileSchema(): ReturnType<Ajv['compile']> {
  // allowUnionTypes: the toolkit's schema types `sampleTag` with a list of types, which ajv's strict mode flags.
  return new Ajv({ allErrors: true, allowUnionTypes: true }).compile(schema);
}

/** Variables an env file declares, an action writes, or the Bicep template outputs (arm/deploy writes those). */
function knownVariables(): Set<string> {
  const known = new Set<string>(['TEAMSFX_ENV', 'AZURE_SUBSCRIPTION_ID', 'AZURE_RESOURCE_GROUP_NAME']);
  for (const env of ['env/.env.dev', 'env/.env.local']) for (const [key] of parseDotenv(read(env))) known.add(key);
  for (const file of ['teamsapp.yml', 'teamsapp.local.yml']) {
    for (const match of read(file).matchAll(/^\s+\w+: ([A-Z][A-Z0-9_]*)\s*$/gm)) known.add(match[1]!);
  }
  for (const match of read('infra/azure.bicep').matchAll(/^output (\w+) /gm)) known.add(match[1]!);
  return known;
}
