import type { ApiDeclaration } from '../model.js';

export const FindCoordinator: ApiDeclaration = {
  name: 'FindCoordinator',
  apiKey: 10,
  versions: '0-6',
  flexibleVersions: '3+',
  request: `
    Key string v0-3
    KeyType int8 v1+ default:0
    CoordinatorKeys []string v4+
  `,
  response: `
    ThrottleTimeMs int32 v1+ ignorable
    ErrorCode int16 v0-3
    ErrorMessage string v1-3 nullable:1-3 ignorable
    NodeId int32 v0-3
    Host string v0-3
    Port int32 v0-3
    Coordinators []Coordinator v4+
      Key string v4+
      NodeId int32 v4+
      Host string v4+
      Port int32 v4+
      ErrorCode int16 v4+
      ErrorMessage string v4+ nullable:4+ ignorable
  `,
};
