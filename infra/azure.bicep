// Herald in Azure: one Linux App Service serves the admin tab, the API and the bot's /api/messages;
// an Azure Bot registration (single-tenant) connects it to Teams. With enableScaleOut, PostgreSQL Flexible
// Server and Azure Cache for Redis are added for the scale-out mode (see docs/run-in-your-tenant.md).

@maxLength(20)
@minLength(4)
@description('Used to name every resource; letters and digits.')
param resourceBaseName string

param location string = resourceGroup().location

@description('App Service plan size. B1 is enough for a pilot; always-on (needed by scheduled sends) is not available on F1.')
param webAppSku string = 'B1'

@description('The tenant Herald runs in (the Entra apps and the single-tenant bot live there).')
param tenantId string

@description('The Teams app manifest id, looked up in the org catalog.')
param teamsAppId string

@description('Herald Entra app (Graph application permissions, tab SSO).')
param aadAppClientId string
@secure()
param aadAppClientSecret string

@description('The bot Entra app (single-tenant).')
param botAadAppClientId string
@secure()
param botAadAppClientSecret string

param botDisplayName string = 'Herald'

@description('"true": add PostgreSQL and Redis for the scale-out mode; "false": SQLite on the App Service file share. A string because the toolkit fills parameters from env files, which hold text.')
@allowed([ 'true', 'false' ])
param scaleOut string = 'false'

param postgresAdminLogin string = 'heraldadmin'
@secure()
@description('Required when enableScaleOut is true.')
param postgresAdminPassword string = ''

var enableScaleOut = scaleOut == 'true'
var webAppName = resourceBaseName
var publicHost = '${webAppName}.azurewebsites.net'
var postgresName = '${resourceBaseName}-pg'
var redisName = '${resourceBaseName}-redis'

resource plan 'Microsoft.Web/serverfarms@2022-09-01' = {
  name: resourceBaseName
  location: location
  kind: 'linux'
  sku: {
    name: webAppSku
  }
  properties: {
    reserved: true
  }
}

resource postgres 'Microsoft.DBforPostgreSQL/flexibleServers@2022-12-01' = if (enableScaleOut) {
  name: postgresName
  location: location
  sku: {
    name: 'Standard_B1ms'
    tier: 'Burstable'
  }
  properties: {
    version: '16'
    administratorLogin: postgresAdminLogin
    administratorLoginPassword: postgresAdminPassword
    storage: {
      storageSizeGB: 32
    }
  }
}

resource postgresDatabase 'Microsoft.DBforPostgreSQL/flexibleServers/databases@2022-12-01' = if (enableScaleOut) {
  parent: postgres
  name: 'herald'
}

// 0.0.0.0–0.0.0.0 is Azure's "allow Azure services" rule; tighten with VNet integration for production.
resource postgresAllowAzure 'Microsoft.DBforPostgreSQL/flexibleServers/firewallRules@2022-12-01' = if (enableScaleOut) {
  parent: postgres
  name: 'AllowAzureServices'
  properties: {
    startIpAddress: '0.0.0.0'
    endIpAddress: '0.0.0.0'
  }
}

resource redis 'Microsoft.Cache/redis@2023-08-01' = if (enableScaleOut) {
  name: redisName
  location: location
  properties: {
    sku: {
      name: 'Basic'
      family: 'C'
      capacity: 0
    }
    enableNonSslPort: false
    minimumTlsVersion: '1.2'
  }
}

var sqliteUrl = 'sqlite:/home/data/herald.db'
var postgresUrl = 'postgres://${postgresAdminLogin}:${uriComponent(postgresAdminPassword)}@${postgresName}.postgres.database.azure.com:5432/herald?sslmode=require'
var scaleOutSettings = enableScaleOut ? [
  {
    name: 'HERALD_REDIS_URL'
    value: 'rediss://:${uriComponent(redis.listKeys().primaryKey)}@${redisName}.redis.cache.windows.net:6380'
  }
] : []

resource webApp 'Microsoft.Web/sites@2022-09-01' = {
  name: webAppName
  location: location
  kind: 'app,linux'
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    siteConfig: {
      linuxFxVersion: 'NODE|24-lts'
      appCommandLine: 'npm start'
      alwaysOn: true
      ftpsState: 'Disabled'
      minTlsVersion: '1.2'
      appSettings: concat([
        { name: 'SCM_DO_BUILD_DURING_DEPLOYMENT', value: 'true' }
        { name: 'WEBSITES_PORT', value: '8080' }
        { name: 'HERALD_HOST', value: '0.0.0.0' }
        { name: 'HERALD_PORT', value: '8080' }
        { name: 'HERALD_EMULATOR', value: 'off' }
        { name: 'HERALD_PUBLIC_URL', value: 'https://${publicHost}' }
        { name: 'HERALD_TENANT_ID', value: tenantId }
        { name: 'HERALD_CLIENT_ID', value: aadAppClientId }
        { name: 'HERALD_CLIENT_SECRET', value: aadAppClientSecret }
        { name: 'HERALD_BOT_ID', value: botAadAppClientId }
        { name: 'HERALD_BOT_PASSWORD', value: botAadAppClientSecret }
        { name: 'HERALD_APP_EXTERNAL_ID', value: teamsAppId }
        { name: 'HERALD_DATABASE_URL', value: enableScaleOut ? postgresUrl : sqliteUrl }
      ], scaleOutSettings)
    }
  }
}

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: resourceBaseName
  location: 'global'
  kind: 'azurebot'
  sku: {
    name: 'F0'
  }
  properties: {
    displayName: botDisplayName
    endpoint: 'https://${publicHost}/api/messages'
    msaAppId: botAadAppClientId
    msaAppType: 'SingleTenant'
    msaAppTenantId: tenantId
  }
}

resource teamsChannel 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
  }
}

// arm/deploy writes each output, upper-cased, into env/.env.<env>.
output BOT_AZURE_APP_SERVICE_RESOURCE_ID string = webApp.id
output BOT_DOMAIN string = publicHost
output BOT_ENDPOINT string = 'https://${publicHost}'
output TAB_DOMAIN string = publicHost
output TAB_ENDPOINT string = 'https://${publicHost}'
