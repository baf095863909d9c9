import type { ApiDeclaration } from '../model.js';

export const SaslHandshake: ApiDeclaration = {
  name: 'SaslHandshake',
  apiKey: 17,
  versions: '0-1',
  flexibleVersions: 'none',
  request: `
    Mechanism string
  `,
  response: `
    ErrorCode int16
    Mechanisms []string
  `,
};
