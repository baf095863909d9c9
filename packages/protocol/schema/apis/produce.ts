import type { ApiDeclaration } from '../model.js';

export const Produce: ApiDeclaration = {
  name: 'Produce',
  apiKey: 0,
  versions: '0-11',
  flexibleVersions: '9+',
  request: `
    TransactionalId string v3+ nullable:3+ default:null
    Acks int16
    TimeoutMs int32
    TopicData []TopicProduceData
      Name string
      PartitionData []PartitionProduceData
        Index int32
        Records records nullable:0+
  `,
  response: `
    Responses []TopicProduceResponse
      Name string
      PartitionResponses []PartitionProduceResponse
        Index int32
        ErrorCode int16
        BaseOffset int64
        LogAppendTimeMs int64 v2+ ignorable default:-1
        LogStartOffset int64 v5+ ignorable default:-1
        RecordErrors []BatchIndexAndErrorMessage v8+ ignorable
          BatchIndex int32 v8+
          BatchIndexErrorMessage string v8+ nullable:8+ default:null
        ErrorMessage string v8+ nullable:8+ ignorable default:null
        CurrentLeader LeaderIdAndEpoch v10+ tag:0@10+
          LeaderId int32 v10+ default:-1
          LeaderEpoch int32 v10+ default:-1
    ThrottleTimeMs int32 v1+ ignorable default:0
    NodeEndpoints []NodeEndpoint v10+ tag:0@10+
      NodeId int32 v10+
      Host string v10+
      Port int32 v10+
      Rack string v10+ nullable:10+ default:null
  `,
};
