import type { ApiDeclaration } from '../model.js';

export const ListOffsets: ApiDeclaration = {
  name: 'ListOffsets',
  apiKey: 2,
  versions: '0-10',
  flexibleVersions: '6+',
  request: `
    ReplicaId int32
    IsolationLevel int8 v2+
    Topics []ListOffsetsTopic
      Name string
      Partitions []ListOffsetsPartition
        PartitionIndex int32
        CurrentLeaderEpoch int32 v4+ ignorable default:-1
        Timestamp int64
        MaxNumOffsets int32 v0 default:1
    TimeoutMs int32 v10+ ignorable
  `,
  response: `
    ThrottleTimeMs int32 v2+ ignorable
    Topics []ListOffsetsTopicResponse
      Name string
      Partitions []ListOffsetsPartitionResponse
        PartitionIndex int32
        ErrorCode int16
        OldStyleOffsets []int64 v0
        Timestamp int64 v1+ default:-1
        Offset int64 v1+ default:-1
        LeaderEpoch int32 v4+ default:-1
  `,
};
