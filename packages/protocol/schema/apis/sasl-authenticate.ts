import type { ApiDeclaration } from '../model.js';

export const SaslAuthenticate: ApiDeclaration = {
  name: 'SaslAuthenticate',
  apiKey: 36,
  versions: '0-2',
  flexibleVersions: '2+',
  request: `
    AuthBytes bytes
  `,
  response: `
    ErrorCode int16
    ErrorMessage string nullable:0+
    AuthBytes bytes
    SessionLifetimeMs int64 v1+ ignorable default:0
  `,
};
