import type { ApiDeclaration } from '../model.js';

export const OffsetFetch: ApiDeclaration = {
  name: 'OffsetFetch',
  apiKey: 9,
  versions: '0-9',
  flexibleVersions: '6+',
  request: `
    GroupId string v0-7
    Topics []OffsetFetchRequestTopic v0-7 nullable:2-7
      Name string v0-7
      PartitionIndexes []int32 v0-7
    Groups []OffsetFetchRequestGroup v8+
      GroupId string v8+
      MemberId string v9+ nullable:9+ ignorable default:null
      MemberEpoch int32 v9+ ignorable default:-1
      Topics []OffsetFetchRequestTopics v8+ nullable:8+
        Name string v8+
        PartitionIndexes []int32 v8+
    RequireStable bool v7+ default:false
  `,
  response: `
    ThrottleTimeMs int32 v3+ ignorable
    Topics []OffsetFetchResponseTopic v0-7
      Name string v0-7
      Partitions []OffsetFetchResponsePartition v0-7
        PartitionIndex int32 v0-7
        CommittedOffset int64 v0-7
        CommittedLeaderEpoch int32 v5-7 ignorable default:-1
        Metadata string v0-7 nullable:0-7
        ErrorCode int16 v0-7
    ErrorCode int16 v2-7 ignorable default:0
    Groups []OffsetFetchResponseGroup v8+
      GroupId string v8+
      Topics []OffsetFetchResponseTopics v8+
        Name string v8+
        Partitions []OffsetFetchResponsePartitions v8+
          PartitionIndex int32 v8+
          CommittedOffset int64 v8+
          CommittedLeaderEpoch int32 v8+ ignorable default:-1
          Metadata string v8+ nullable:8+
          ErrorCode int16 v8+
      ErrorCode int16 v8+ default:0
  `,
};
