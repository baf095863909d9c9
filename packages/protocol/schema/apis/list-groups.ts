import type { ApiDeclaration } from '../model.js';

export const ListGroups: ApiDeclaration = {
  name: 'ListGroups',
  apiKey: 16,
  versions: '0-5',
  flexibleVersions: '3+',
  request: `
    StatesFilter []string v4+
    TypesFilter []string v5+
  `,
  response: `
    ThrottleTimeMs int32 v1+ ignorable
    ErrorCode int16
    Groups []ListedGroup
      GroupId string
      ProtocolType string
      GroupState string v4+ ignorable
      GroupType string v5+ ignorable
  `,
};
