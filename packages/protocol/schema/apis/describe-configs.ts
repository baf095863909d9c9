import type { ApiDeclaration } from '../model.js';

export const DescribeConfigs: ApiDeclaration = {
  name: 'DescribeConfigs',
  apiKey: 32,
  versions: '0-4',
  flexibleVersions: '4+',
  request: `
    Resources []DescribeConfigsResource
      ResourceType int8
      ResourceName string
      ConfigurationKeys []string nullable:0+
    IncludeSynonyms bool v1+ default:false
    IncludeDocumentation bool v3+ default:false
  `,
  response: `
    ThrottleTimeMs int32
    Results []DescribeConfigsResult
      ErrorCode int16
      ErrorMessage string nullable:0+
      ResourceType int8
      ResourceName string
      Configs []DescribeConfigsResourceResult
        Name string
        Value string nullable:0+
        ReadOnly bool
        IsDefault bool v0
        ConfigSource int8 v1+ ignorable default:-1
        IsSensitive bool
        Synonyms []DescribeConfigsSynonym v1+ ignorable
          Name string v1+
          Value string v1+ nullable:0+
          Source int8 v1+
        ConfigType int8 v3+ ignorable default:0
        Documentation string v3+ nullable:0+ ignorable
  `,
};
