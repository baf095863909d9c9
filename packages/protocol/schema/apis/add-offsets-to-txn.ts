import type { ApiDeclaration } from '../model.js';

export const AddOffsetsToTxn: ApiDeclaration = {
  name: 'AddOffsetsToTxn',
  apiKey: 25,
  versions: '0-4',
  flexibleVersions: '3+',
  request: `
    TransactionalId string
    ProducerId int64
    ProducerEpoch int16
    GroupId string
  `,
  response: `
    ThrottleTimeMs int32
    ErrorCode int16
  `,
};
