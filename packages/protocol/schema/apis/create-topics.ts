import type { ApiDeclaration } from '../model.js';

export const CreateTopics: ApiDeclaration = {
  name: 'CreateTopics',
  apiKey: 19,
  versions: '0-7',
  flexibleVersions: '5+',
  request: `
    Topics []CreatableTopic
      Name string
      NumPartitions int32
      ReplicationFactor int16
      Assignments []CreatableReplicaAssignment
        PartitionIndex int32
        BrokerIds []int32
      Configs []CreatableTopicConfig
        Name string
        Value string nullable:0+
    TimeoutMs int32 default:60000
    ValidateOnly bool v1+ default:false
  `,
  response: `
    ThrottleTimeMs int32 v2+ ignorable
    Topics []CreatableTopicResult
      Name string
      TopicId uuid v7+ ignorable
      ErrorCode int16
      ErrorMessage string v1+ nullable:0+ ignorable
      TopicConfigErrorCode int16 v5+ tag:0@5+ ignorable
      NumPartitions int32 v5+ ignorable default:-1
      ReplicationFactor int16 v5+ ignorable default:-1
      Configs []CreatableTopicConfigs v5+ nullable:5+ ignorable
        Name string v5+
        Value string v5+ nullable:5+
        ReadOnly bool v5+
        ConfigSource int8 v5+ ignorable default:-1
        IsSensitive bool v5+
  `,
};
