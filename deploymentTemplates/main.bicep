// RelanceBot on Azure: Azure Bot (Teams, Direct Line, Web Chat) -> Linux Web App (.NET 10) -> PostgreSQL flexible server.
// main.json is compiled from this file (`bicep build main.bicep`): edit here, then rebuild it.

@description('Azure region of the web app and the database (the bot itself is global).')
param location string = resourceGroup().location

@description('Base name of every resource, and the web app name (<appName>.azurewebsites.net): globally unique, lower case.')
@minLength(3)
@maxLength(40)
param appName string = 'relancebot-${uniqueString(resourceGroup().id)}'

@description('App Service plan SKU. Free and Shared tiers are excluded: they cannot keep the app always on, and the in-process scheduler must never sleep.')
@allowed([
  'B1'
  'B2'
  'B3'
  'S1'
  'S2'
  'S3'
  'P0v3'
  'P1v3'
  'P2v3'
])
param appServicePlanSku string = 'B1'

@description('Instances of the web app (App Service scale-out; Basic plans allow 3, Standard 10, PremiumV3 30). Above 1 the instances share the PostgreSQL database this template always configures (Database__Provider=PostgreSql): SQLite is one process on one file and never runs on more than one instance. Above 1 also requires directLineAzureSecret: the built-in Direct Line keeps each chat in one instance\'s memory.')
@minValue(1)
@maxValue(30)
param instanceCount int = 1

@description('Azure Bot SKU: F0 (free, standard channels only) or S1.')
@allowed([
  'F0'
  'S1'
])
param botSku string = 'F0'

@description('Name shown for the bot in Teams and Web Chat.')
param botDisplayName string = 'RelanceBot'

@description('Application (client) id of the single-tenant Entra app registration created beforehand.')
param msaAppId string

@description('Directory (tenant) id of that app registration.')
param msaAppTenantId string

@description('Client secret of that app registration.')
@secure()
param msaAppPassword string

@description('Base64 HMAC key (at least 32 bytes) signing the built-in Direct Line tokens of the patient space chat; empty = a random key at each start (chats end with a restart).')
@secure()
param directLineSigningKey string = ''

@description('Secret of the Azure Bot Direct Line channel, for the patient space chat to go through Azure; empty = the built-in Direct Line endpoint (patient messages stay on this App Service).')
@secure()
param directLineAzureSecret string = ''

@description('Apply EF Core migrations when the app starts. Turn off once migrations run as a separate deployment step.')
param migrateOnStartup bool = true

@description('SMS provider: None (patients with a phone get e-mail) or Twilio.')
@allowed([
  'None'
  'Twilio'
])
param smsProvider string = 'None'

@description('Twilio account SID (AC…), when smsProvider is Twilio.')
param twilioAccountSid string = ''

@description('Twilio Auth Token: REST password and the key that signs the inbound-SMS webhook. Pass a Key Vault reference.')
@secure()
param twilioAuthToken string = ''

@description('Twilio sender in E.164 (a two-way number or short code); or leave empty and give twilioMessagingServiceSid.')
param twilioFromNumber string = ''

@description('Twilio Messaging Service SID (MG…), instead of or besides twilioFromNumber.')
param twilioMessagingServiceSid string = ''

@description('PostgreSQL administrator login (not admin, azure_superuser, root, postgres, etc.).')
param postgresAdminLogin string = 'relanceadmin'

@description('PostgreSQL administrator password.')
@secure()
@minLength(8)
param postgresAdminPassword string

@description('PostgreSQL compute SKU, e.g. Standard_B1ms (Burstable) or Standard_D2ds_v5 (GeneralPurpose).')
param postgresSkuName string = 'Standard_B1ms'

@description('PostgreSQL compute tier; must match postgresSkuName.')
@allowed([
  'Burstable'
  'GeneralPurpose'
  'MemoryOptimized'
])
param postgresSkuTier string = 'Burstable'

@description('PostgreSQL storage size in GB.')
@allowed([
  32
  64
  128
  256
  512
])
param postgresStorageSizeGB int = 32

@description('PostgreSQL backup retention in days.')
@minValue(7)
@maxValue(35)
param postgresBackupRetentionDays int = 7

var databaseName = 'relancebot'

// A chat of the built-in Direct Line lives in the memory of the instance that opened it: with several instances the
// patient space's chat must go through Azure's Direct Line, or a patient's messages would reach an instance that
// does not know the conversation.
var scaleOutChecked = instanceCount > 1 && empty(directLineAzureSecret)
  ? fail('instanceCount above 1 requires directLineAzureSecret: the built-in Direct Line keeps each chat in one instance\'s memory.')
  : instanceCount

resource postgres 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {
  name: '${appName}-pg'
  location: location
  sku: {
    name: postgresSkuName
    tier: postgresSkuTier
  }
  properties: {
    version: '16'
    administratorLogin: postgresAdminLogin
    administratorLoginPassword: postgresAdminPassword
    authConfig: {
      activeDirectoryAuth: 'Disabled'
      passwordAuth: 'Enabled'
    }
    storage: {
      storageSizeGB: postgresStorageSizeGB
    }
    backup: {
      backupRetentionDays: postgresBackupRetentionDays
      geoRedundantBackup: 'Disabled'
    }
    highAvailability: {
      mode: 'Disabled'
    }
    network: {
      publicNetworkAccess: 'Enabled'
    }
  }
}

resource database 'Microsoft.DBforPostgreSQL/flexibleServers/databases@2024-08-01' = {
  parent: postgres
  name: databaseName
  properties: {
    charset: 'UTF8'
    collation: 'en_US.utf8'
  }
}

// 0.0.0.0 - 0.0.0.0 is Azure's convention for "any Azure service", which lets the web app in without VNet
// integration. It also admits other tenants' Azure resources: production should use private networking instead.
resource allowAzureServices 'Microsoft.DBforPostgreSQL/flexibleServers/firewallRules@2024-08-01' = {
  parent: postgres
  name: 'AllowAllAzureServicesAndResourcesWithinAzureIps'
  properties: {
    startIpAddress: '0.0.0.0'
    endIpAddress: '0.0.0.0'
  }
}

resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: '${appName}-plan'
  location: location
  kind: 'linux'
  sku: {
    name: appServicePlanSku
    capacity: scaleOutChecked
  }
  properties: {
    reserved: true // required for a Linux plan
  }
}

resource webApp 'Microsoft.Web/sites@2023-12-01' = {
  name: appName
  location: location
  kind: 'app,linux'
  // The app may migrate the database as soon as it starts: it needs the database and the firewall opening first.
  dependsOn: [
    allowAzureServices
  ]
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    clientAffinityEnabled: false
    siteConfig: {
      linuxFxVersion: 'DOTNETCORE|10.0'
      alwaysOn: true // the in-process Quartz scheduler stops when App Service idles the app
      healthCheckPath: '/health'
      minTlsVersion: '1.2'
      scmMinTlsVersion: '1.2'
      ftpsState: 'Disabled'
      http20Enabled: true
      appSettings: [
        {
          name: 'ASPNETCORE_ENVIRONMENT'
          value: 'Production'
        }
        {
          name: 'MicrosoftAppType'
          value: 'SingleTenant'
        }
        {
          name: 'MicrosoftAppId'
          value: msaAppId
        }
        {
          name: 'MicrosoftAppPassword'
          value: msaAppPassword
        }
        {
          name: 'MicrosoftAppTenantId'
          value: msaAppTenantId
        }
        {
          // Every instance runs on this one database: PostgreSQL is the provider for more than one instance.
          name: 'Database__Provider'
          value: 'PostgreSql'
        }
        {
          name: 'Database__MigrateOnStartup'
          value: migrateOnStartup ? 'true' : 'false'
        }
        {
          // The patient space link in every reminder, /p/{token}, and Checkout's return page.
          name: 'Payments__PublicBaseUrl'
          value: 'https://${appName}.azurewebsites.net'
        }
        {
          name: 'Sms__Provider'
          value: smsProvider
        }
        {
          name: 'Sms__Twilio__AccountSid'
          value: twilioAccountSid
        }
        {
          name: 'Sms__Twilio__AuthToken'
          value: twilioAuthToken
        }
        {
          name: 'Sms__Twilio__FromNumber'
          value: twilioFromNumber
        }
        {
          name: 'Sms__Twilio__MessagingServiceSid'
          value: twilioMessagingServiceSid
        }
        {
          name: 'DirectLine__SigningKey'
          value: directLineSigningKey
        }
        {
          name: 'DirectLine__AzureSecret'
          value: directLineAzureSecret
        }
        {
          name: 'ConnectionStrings__RelanceBot'
          value: 'Host=${postgres.properties.fullyQualifiedDomainName};Database=${database.name};Username=${postgresAdminLogin};Password=${postgresAdminPassword};SSL Mode=Require'
        }
      ]
    }
  }
}

// Read from the site rather than assumed to be <appName>.azurewebsites.net: regional unique host names differ.
var messagingEndpoint = 'https://${webApp.properties.defaultHostName}/api/messages'

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: '${appName}-bot'
  location: 'global'
  kind: 'azurebot'
  sku: {
    name: botSku
  }
  properties: {
    displayName: botDisplayName
    endpoint: messagingEndpoint
    msaAppType: 'SingleTenant'
    msaAppId: msaAppId
    msaAppTenantId: msaAppTenantId
  }
}

resource teamsChannel 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
    }
  }
}

resource directLineChannel 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'DirectLineChannel'
  location: 'global'
  properties: {
    channelName: 'DirectLineChannel'
    properties: {
      sites: [
        {
          siteName: 'Default Site'
          isEnabled: true
          isV1Enabled: false
          isV3Enabled: true
          isSecureSiteEnabled: false
        }
      ]
    }
  }
}

resource webChatChannel 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'WebChatChannel'
  location: 'global'
  properties: {
    channelName: 'WebChatChannel'
    properties: {
      sites: [
        {
          siteName: 'Default Site'
          isEnabled: true
          isWebchatPreviewEnabled: true
        }
      ]
    }
  }
}

@description('Messaging endpoint registered on the Azure Bot.')
output botEndpoint string = messagingEndpoint

@description('Host name of the web app.')
output webAppHostName string = webApp.properties.defaultHostName
