import type { ApiDeclaration } from '../model.js';

export const Heartbeat: ApiDeclaration = {
  name: 'Heartbeat',
  apiKey: 12,
  versions: '0-4',
  flexibleVersions: '4+',
  request: `
    GroupId string
    GenerationId int32
    MemberId string
    GroupInstanceId string v3+ nullable:3+ default:null
  `,
  response: `
    ThrottleTimeMs int32 v1+ ignorable
    ErrorCode int16
  `,
};
