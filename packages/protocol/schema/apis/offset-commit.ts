import type { ApiDeclaration } from '../model.js';

export const OffsetCommit: ApiDeclaration = {
  name: 'OffsetCommit',
  apiKey: 8,
  versions: '0-9',
  flexibleVersions: '8+',
  request: `
    GroupId string
    GenerationIdOrMemberEpoch int32 v1+ ignorable default:-1
    MemberId string v1+ ignorable
    GroupInstanceId string v7+ nullable:7+ default:null
    RetentionTimeMs int64 v2-4 ignorable default:-1
    Topics []OffsetCommitRequestTopic
      Name string
      Partitions []OffsetCommitRequestPartition
        PartitionIndex int32
        CommittedOffset int64
        CommittedLeaderEpoch int32 v6+ ignorable default:-1
        CommitTimestamp int64 v1 default:-1
        CommittedMetadata string nullable:0+
  `,
  response: `
    ThrottleTimeMs int32 v3+ ignorable
    Topics []OffsetCommitResponseTopic
      Name string
      Partitions []OffsetCommitResponsePartition
        PartitionIndex int32
        ErrorCode int16
  `,
};
