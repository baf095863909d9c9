import type { ApiDeclaration } from '../model.js';

export const TxnOffsetCommit: ApiDeclaration = {
  name: 'TxnOffsetCommit',
  apiKey: 28,
  versions: '0-4',
  flexibleVersions: '3+',
  request: `
    TransactionalId string
    GroupId string
    ProducerId int64
    ProducerEpoch int16
    GenerationId int32 v3+ default:-1
    MemberId string v3+
    GroupInstanceId string v3+ nullable:3+ default:null
    Topics []TxnOffsetCommitRequestTopic
      Name string
      Partitions []TxnOffsetCommitRequestPartition
        PartitionIndex int32
        CommittedOffset int64
        CommittedLeaderEpoch int32 v2+ ignorable default:-1
        CommittedMetadata string nullable:0+
  `,
  response: `
    ThrottleTimeMs int32
    Topics []TxnOffsetCommitResponseTopic
      Name string
      Partitions []TxnOffsetCommitResponsePartition
        PartitionIndex int32
        ErrorCode int16
  `,
};
