import type { ApiDeclaration } from '../model.js';

export const AlterConfigs: ApiDeclaration = {
  name: 'AlterConfigs',
  apiKey: 33,
  versions: '0-2',
  flexibleVersions: '2+',
  request: `
    Resources []AlterConfigsResource
      ResourceType int8
      ResourceName string
      Configs []AlterableConfig
        Name string
        Value string nullable:0+
    ValidateOnly bool
  `,
  response: `
    ThrottleTimeMs int32
    Responses []AlterConfigsResourceResponse
      ErrorCode int16
      ErrorMessage string nullable:0+
      ResourceType int8
      ResourceName string
  `,
};
