import type { ApiDeclaration } from '../model.js';

export const JoinGroup: ApiDeclaration = {
  name: 'JoinGroup',
  apiKey: 11,
  versions: '0-9',
  flexibleVersions: '6+',
  request: `
    GroupId string
    SessionTimeoutMs int32
    RebalanceTimeoutMs int32 v1+ ignorable default:-1
    MemberId string
    GroupInstanceId string v5+ nullable:5+ default:null
    ProtocolType string
    Protocols []JoinGroupRequestProtocol
      Name string
      Metadata bytes
    Reason string v8+ nullable:8+ ignorable default:null
  `,
  response: `
    ThrottleTimeMs int32 v2+ ignorable
    ErrorCode int16
    GenerationId int32 default:-1
    ProtocolType string v7+ nullable:7+ ignorable default:null
    ProtocolName string nullable:7+
    Leader string
    SkipAssignment bool v9+ default:false
    MemberId string
    Members []JoinGroupResponseMember
      MemberId string
      GroupInstanceId string v5+ nullable:5+ ignorable default:null
      Metadata bytes
  `,
};
