import type { ApiDeclaration } from '../model.js';

export const DescribeGroups: ApiDeclaration = {
  name: 'DescribeGroups',
  apiKey: 15,
  versions: '0-5',
  flexibleVersions: '5+',
  request: `
    Groups []string
    IncludeAuthorizedOperations bool v3+
  `,
  response: `
    ThrottleTimeMs int32 v1+ ignorable
    Groups []DescribedGroup
      ErrorCode int16
      GroupId string
      GroupState string
      ProtocolType string
      ProtocolData string
      Members []DescribedGroupMember
        MemberId string
        GroupInstanceId string v4+ nullable:4+ ignorable default:null
        ClientId string
        ClientHost string
        MemberMetadata bytes
        MemberAssignment bytes
      AuthorizedOperations int32 v3+ default:-2147483648
  `,
};
