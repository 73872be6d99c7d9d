import type { StationViewers } from '../station/station-viewers';

/**
 * What the door asks of the station (main/station/station-viewers.ts): the viewer stream info, which camera a
 * mountpoint is and its pin, whether a camera's mountpoint exists on Janus now, the Janus to relay to (in a cluster,
 * per camera), events.
 */
export type DoorStation = Pick<
  StationViewers,
  | 'stream'
  | 'mountpoint'
  | 'isReady'
  | 'onReady'
  | 'janusUp'
  | 'gatewayEndpoints'
  | 'endpointsFor'
  | 'refusesViewers'
  | 'onEvent'
>;
