import type { ApiDeclaration } from '../model.js';

export const Metadata: ApiDeclaration = {
  name: 'Metadata',
  apiKey: 3,
  versions: '0-12',
  flexibleVersions: '9+',
  request: `
    Topics []MetadataRequestTopic nullable:1+
      TopicId uuid v10+ ignorable
      Name string nullable:10+
    AllowAutoTopicCreation bool v4+ default:true
    IncludeClusterAuthorizedOperations bool v8-10
    IncludeTopicAuthorizedOperations bool v8+
  `,
  response: `
    ThrottleTimeMs int32 v3+ ignorable
    Brokers []MetadataResponseBroker
      NodeId int32
      Host string
      Port int32
      Rack string v1+ nullable:1+ ignorable default:null
    ClusterId string v2+ nullable:2+ ignorable default:null
    ControllerId int32 v1+ ignorable default:-1
    Topics []MetadataResponseTopic
      ErrorCode int16
      Name string nullable:12+
      TopicId uuid v10+ ignorable
      IsInternal bool v1+ ignorable default:false
      Partitions []MetadataResponsePartition
        ErrorCode int16
        PartitionIndex int32
        LeaderId int32
        LeaderEpoch int32 v7+ ignorable default:-1
        ReplicaNodes []int32
        IsrNodes []int32
        OfflineReplicas []int32 v5+ ignorable
      TopicAuthorizedOperations int32 v8+ default:-2147483648
    ClusterAuthorizedOperations int32 v8-10 default:-2147483648
  `,
};
