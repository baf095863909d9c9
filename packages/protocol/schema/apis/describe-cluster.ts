import type { ApiDeclaration } from '../model.js';

export const DescribeCluster: ApiDeclaration = {
  name: 'DescribeCluster',
  apiKey: 60,
  versions: '0-1',
  flexibleVersions: '0+',
  request: `
    IncludeClusterAuthorizedOperations bool
    EndpointType int8 v1+ default:1
  `,
  response: `
    ThrottleTimeMs int32
    ErrorCode int16
    ErrorMessage string nullable:0+ default:null
    EndpointType int8 v1+ default:1
    ClusterId string
    ControllerId int32 default:-1
    Brokers []DescribeClusterBroker
      BrokerId int32
      Host string
      Port int32
      Rack string nullable:0+ default:null
    ClusterAuthorizedOperations int32 default:-2147483648
  `,
};
