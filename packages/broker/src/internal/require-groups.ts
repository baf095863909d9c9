/** The group coordinator of a request's broker; the group APIs are only routed when it exists. */
import { BrokerError } from '../errors.js';
import type { RequestContext } from './context.js';
import type { GroupsPort } from './groups-port.js';

export function groupsOf(ctx: RequestContext): GroupsPort {
  const groups = ctx.broker.groups;
  if (groups === null) throw new BrokerError('UNSUPPORTED_REQUEST', 'Groups are not served by this broker');
  return groups;
}
