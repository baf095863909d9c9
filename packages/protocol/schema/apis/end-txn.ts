import type { ApiDeclaration } from '../model.js';

export const EndTxn: ApiDeclaration = {
  name: 'EndTxn',
  apiKey: 26,
  versions: '0-5',
  flexibleVersions: '3+',
  unstableFrom: 5,
  request: `
    TransactionalId string
    ProducerId int64
    ProducerEpoch int16
    Committed bool
  `,
  response: `
    ThrottleTimeMs int32
    ErrorCode int16
    ProducerId int64 v5+ ignorable default:-1
    ProducerEpoch int16 v5+ ignorable default:-1
  `,
};
