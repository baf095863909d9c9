import type { ApiDeclaration } from '../model.js';

export const SyncGroup: ApiDeclaration = {
  name: 'SyncGroup',
  apiKey: 14,
  versions: '0-5',
  flexibleVersions: '4+',
  request: `
    GroupId string
    GenerationId int32
    MemberId string
    GroupInstanceId string v3+ nullable:3+ default:null
    ProtocolType string v5+ nullable:5+ ignorable default:null
    ProtocolName string v5+ nullable:5+ ignorable default:null
    Assignments []SyncGroupRequestAssignment
      MemberId string
      Assignment bytes
  `,
  response: `
    ThrottleTimeMs int32 v1+ ignorable
    ErrorCode int16
    ProtocolType string v5+ nullable:5+ ignorable default:null
    ProtocolName string v5+ nullable:5+ ignorable default:null
    Assignment bytes
  `,
};
