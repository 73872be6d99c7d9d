// Who a viewer is at the door, and what it may watch. A credential is an API key, a browser session or the
// desktop app's own pages; a grant is what one Janus session or handle may watch: every camera its credential
// may view, or only the cameras of the viewer tickets it was opened with.

/** Who a viewer is: an API key, a browser session, or the desk (the desktop app's own pages). */
export interface Credential {
  /** Stable and secret-free, for logs, caps and revocation: `key_…`, `session_…` or `desk`. */
  readonly id: string;
  /** Whether it still holds (a key not revoked, a session not ended); the door asks about twice a second. */
  alive(): boolean;
}

/** What a Janus session or handle may watch. */
export interface Grant {
  readonly credential: Credential;
  /** `all`: every camera the credential may view; else only these (a viewer ticket's one camera). */
  readonly cameras: 'all' | ReadonlySet<string>;
}

/** The station's API keys as the door needs them: check a presented key, list the live ones. */
export interface KeyRegistry {
  verify(presented: string): { id: string } | undefined;
  list(): readonly { id: string }[];
}

/** The desktop app's own wall pages: they reach the station over IPC, which is the desk's login. */
export const DESK: Credential = { id: 'desk', alive: () => true };

/** A verified API key as a credential: alive while the key store still lists it (`vigil keys revoke` ends it). */
export function keyCredential(keyId: string, keys: Pick<KeyRegistry, 'list'>): Credential {
  return { id: keyId, alive: () => keys.list().some((key) => key.id === keyId) };
}

/**
 * Whether a credential may view a camera — the one place camera rights are decided. Today every API key (view
 * or manage), every browser session and the desk may view every camera; per-key camera rights go here.
 */
export function mayView(_credential: Credential, _cameraId: string): boolean {
  return true;
}

/** Whether a grant lets its session or handle watch a camera. */
export function grantCovers(grant: Grant, cameraId: string): boolean {
  return (grant.cameras === 'all' || grant.cameras.has(cameraId)) && mayView(grant.credential, cameraId);
}

/** Everything the credential may view. */
export function fullGrant(credential: Credential): Grant {
  return { credential, cameras: 'all' };
}
