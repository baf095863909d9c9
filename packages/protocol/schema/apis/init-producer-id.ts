import type { ApiDeclaration } from '../model.js';

export const InitProducerId: ApiDeclaration = {
  name: 'InitProducerId',
  apiKey: 22,
  versions: '0-5',
  flexibleVersions: '2+',
  request: `
    TransactionalId string nullable:0+
    TransactionTimeoutMs int32
    ProducerId int64 v3+ default:-1
    ProducerEpoch int16 v3+ default:-1
  `,
  response: `
    ThrottleTimeMs int32 ignorable
    ErrorCode int16
    ProducerId int64 default:-1
    ProducerEpoch int16
  `,
};
