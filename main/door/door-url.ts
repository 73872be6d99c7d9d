/** Where the station serves the Janus client protocol (WebSocket upgrade), on its own port. */
export const DOOR_PATH = '/janus';

/** The door's WebSocket URL for a station reached at `stationUrl` (`http://127.0.0.1:3000` → `ws://127.0.0.1:3000/janus`). */
export function doorUrl(stationUrl: string): string {
  const url = new URL(DOOR_PATH, stationUrl);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return url.href;
}

/** The door URL with a viewer ticket as `?ticket=`, so a plain Janus client plays with the URL as given. */
export function withTicket(url: string, ticket: string): string {
  const withQuery = new URL(url);
  withQuery.searchParams.set('ticket', ticket);
  return withQuery.href;
}
