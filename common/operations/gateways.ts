import { Type } from 'typebox';

import { MessageBody } from '../answers';
import { GatewayId, GatewayView } from '../gateways';
import type { ResourceContracts } from './contract';

/** The Janus gateways (`/gateways`): which there are, their cameras and load; forgetting a dead one. */
export const gatewayContracts = {
  'gateways.list': {
    args: [],
    output: Type.Array(GatewayView),
    scope: 'manage',
    summary: "Every gateway: state, liveness, cameras, viewers, weight, capacity and heartbeat's age",
    handler: 'gateways.listGateways',
  },
  'gateways.forget': {
    args: [GatewayId],
    output: MessageBody,
    scope: 'manage',
    summary:
      'Forget a gateway whose heartbeat stopped (409 while it is live): placement then plans without it',
    handler: 'gateways.forgetGateway',
    message: 'Gateway {gateway_id} forgotten',
  },
} as const satisfies ResourceContracts<'gateways'>;
