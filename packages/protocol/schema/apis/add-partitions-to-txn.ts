import type { ApiDeclaration } from '../model.js';

export const AddPartitionsToTxn: ApiDeclaration = {
  name: 'AddPartitionsToTxn',
  apiKey: 24,
  versions: '0-5',
  flexibleVersions: '3+',
  request: `
    Transactions []AddPartitionsToTxnTransaction v4+
      TransactionalId string v4+
      ProducerId int64 v4+
      ProducerEpoch int16 v4+
      VerifyOnly bool v4+ default:false
      Topics []AddPartitionsToTxnTopic v4+
    V3AndBelowTransactionalId string v0-3
    V3AndBelowProducerId int64 v0-3
    V3AndBelowProducerEpoch int16 v0-3
    V3AndBelowTopics []AddPartitionsToTxnTopic v0-3
  `,
  response: `
    ThrottleTimeMs int32
    ErrorCode int16 v4+ ignorable
    ResultsByTransaction []AddPartitionsToTxnResult v4+
      TransactionalId string v4+
      TopicResults []AddPartitionsToTxnTopicResult v4+
    ResultsByTopicV3AndBelow []AddPartitionsToTxnTopicResult v0-3
  `,
  common: {
    AddPartitionsToTxnTopic: `
      Name string
      Partitions []int32
    `,
    AddPartitionsToTxnTopicResult: `
      Name string
      ResultsByPartition []AddPartitionsToTxnPartitionResult
    `,
    AddPartitionsToTxnPartitionResult: `
      PartitionIndex int32
      PartitionErrorCode int16
    `,
  },
};
