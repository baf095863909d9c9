import type { ApiDeclaration } from '../model.js';

export const ApiVersions: ApiDeclaration = {
  name: 'ApiVersions',
  apiKey: 18,
  versions: '0-4',
  flexibleVersions: '3+',
  request: `
    ClientSoftwareName string v3+ ignorable
    ClientSoftwareVersion string v3+ ignorable
  `,
  response: `
    ErrorCode int16
    ApiKeys []ApiVersion
      ApiKey int16
      MinVersion int16
      MaxVersion int16
    ThrottleTimeMs int32 v1+ ignorable
    SupportedFeatures []SupportedFeatureKey v3+ tag:0@3+ ignorable
      Name string v3+
      MinVersion int16 v3+
      MaxVersion int16 v3+
    FinalizedFeaturesEpoch int64 v3+ tag:1@3+ ignorable default:-1
    FinalizedFeatures []FinalizedFeatureKey v3+ tag:2@3+ ignorable
      Name string v3+
      MaxVersionLevel int16 v3+
      MinVersionLevel int16 v3+
    ZkMigrationReady bool v3+ tag:3@3+ ignorable default:false
  `,
};
