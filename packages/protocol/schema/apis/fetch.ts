import type { ApiDeclaration } from '../model.js';

export const Fetch: ApiDeclaration = {
  name: 'Fetch',
  apiKey: 1,
  versions: '0-17',
  flexibleVersions: '12+',
  request: `
    ClusterId string v12+ nullable:12+ tag:0@12+ ignorable default:null
    ReplicaId int32 v0-14 default:-1
    ReplicaState ReplicaState v15+ tag:1@15+
      ReplicaId int32 v15+ default:-1
      ReplicaEpoch int64 v15+ default:-1
    MaxWaitMs int32
    MinBytes int32
    MaxBytes int32 v3+ ignorable default:2147483647
    IsolationLevel int8 v4+ ignorable default:0
    SessionId int32 v7+ ignorable default:0
    SessionEpoch int32 v7+ ignorable default:-1
    Topics []FetchTopic
      Topic string v0-12 ignorable
      TopicId uuid v13+ ignorable
      Partitions []FetchPartition
        Partition int32
        CurrentLeaderEpoch int32 v9+ ignorable default:-1
        FetchOffset int64
        LastFetchedEpoch int32 v12+ default:-1
        LogStartOffset int64 v5+ ignorable default:-1
        PartitionMaxBytes int32
        ReplicaDirectoryId uuid v17+ tag:0@17+ ignorable
    ForgottenTopicsData []ForgottenTopic v7+
      Topic string v7-12 ignorable
      TopicId uuid v13+ ignorable
      Partitions []int32 v7+
    RackId string v11+ ignorable
  `,
  response: `
    ThrottleTimeMs int32 v1+ ignorable
    ErrorCode int16 v7+ ignorable
    SessionId int32 v7+ default:0
    Responses []FetchableTopicResponse
      Topic string v0-12 ignorable
      TopicId uuid v13+ ignorable
      Partitions []PartitionData
        PartitionIndex int32
        ErrorCode int16
        HighWatermark int64
        LastStableOffset int64 v4+ ignorable default:-1
        LogStartOffset int64 v5+ ignorable default:-1
        DivergingEpoch EpochEndOffset v12+ tag:0@12+
          Epoch int32 v12+ default:-1
          EndOffset int64 v12+ default:-1
        CurrentLeader LeaderIdAndEpoch v12+ tag:1@12+
          LeaderId int32 v12+ default:-1
          LeaderEpoch int32 v12+ default:-1
        SnapshotId SnapshotId v12+ tag:2@12+
          EndOffset int64 default:-1
          Epoch int32 default:-1
        AbortedTransactions []AbortedTransaction v4+ nullable:4+ ignorable
          ProducerId int64 v4+
          FirstOffset int64 v4+
        PreferredReadReplica int32 v11+ default:-1
        Records records nullable:0+
    NodeEndpoints []NodeEndpoint v16+ tag:0@16+
      NodeId int32 v16+
      Host string v16+
      Port int32 v16+
      Rack string v16+ nullable:16+ default:null
  `,
};
