import type { ApiDeclaration } from '../model.js';

export const CreatePartitions: ApiDeclaration = {
  name: 'CreatePartitions',
  apiKey: 37,
  versions: '0-3',
  flexibleVersions: '2+',
  request: `
    Topics []CreatePartitionsTopic
      Name string
      Count int32
      Assignments []CreatePartitionsAssignment nullable:0+
        BrokerIds []int32
    TimeoutMs int32
    ValidateOnly bool
  `,
  response: `
    ThrottleTimeMs int32
    Results []CreatePartitionsTopicResult
      Name string
      ErrorCode int16
      ErrorMessage string nullable:0+ default:null
  `,
};
