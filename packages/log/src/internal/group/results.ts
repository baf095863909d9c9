/** Error-shaped results of the group APIs, as Kafka builds them. */
import type { JoinGroupResult, SyncGroupResult } from './group-types.js';
import { EMPTY } from './member.js';

export function joinError(memberId: string, errorCode: number): JoinGroupResult {
  return {
    errorCode,
    generationId: -1,
    protocolType: null,
    protocolName: null,
    leader: '',
    skipAssignment: false,
    memberId,
    members: [],
  };
}

export function syncError(errorCode: number): SyncGroupResult {
  return { errorCode, protocolType: null, protocolName: null, assignment: EMPTY };
}
