import type { ApiDeclaration } from '../model.js';

export const DeleteGroups: ApiDeclaration = {
  name: 'DeleteGroups',
  apiKey: 42,
  versions: '0-2',
  flexibleVersions: '2+',
  request: `
    GroupsNames []string
  `,
  response: `
    ThrottleTimeMs int32
    Results []DeletableGroupResult
      GroupId string
      ErrorCode int16
  `,
};
