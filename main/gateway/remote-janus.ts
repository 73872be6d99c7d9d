// A Janus someone else runs: start() checks that each URL answers (with the Origin Janus enforces), that
// Janus serves the streaming plugin, and that Janus takes the API secret and the admin secret; it detects
// token_auth from `info`. stop() leaves Janus alone. Errors name the URL, flag or secret to fix, never a value.
import type { Logger } from 'pino';

import { JanusAdmin, JanusConnection, JanusError, type JanusInfo } from '../janus';
import { GatewayNotStartedError, JanusSecretRefusedError, JanusUnreachableError } from './errors';
import type { Gateway, GatewayEndpoints, GatewaySecrets, GatewayUrls } from './gateway';

/** Options of `createRemoteGateway`. */
export interface RemoteGatewayOptions {
  urls: GatewayUrls;
  secrets: GatewaySecrets;
  /** The `Origin` to send when Janus enforces CORS (its `allow_origin`). */
  origin?: string | undefined;
  logger?: Logger;
  /** Per request (default 5 000 ms). */
  requestTimeoutMs?: number;
}

const STREAMING = 'janus.plugin.streaming';
const ORIGIN_HINT = 'if Janus enforces CORS, set --janus-origin (or JANUS_ORIGIN) to its allow_origin';

/**
 * A Gateway for a Janus that runs elsewhere; `endpoints` is readable once `start()` has checked it.
 * @example
 * const gateway = createRemoteGateway({ urls, secrets, origin: 'https://desk.example' });
 * await gateway.start(); // throws JanusUnreachableError / JanusSecretRefusedError naming what to fix
 */
export function createRemoteGateway(options: RemoteGatewayOptions): Gateway {
  let endpoints: GatewayEndpoints | undefined;
  const log = options.logger?.child({ name: 'gateway/remote' });
  return {
    mode: 'remote',
    get endpoints(): GatewayEndpoints {
      if (endpoints === undefined) {
        throw new GatewayNotStartedError('the remote gateway has no endpoints before start() resolved');
      }
      return endpoints;
    },
    start: async () => {
      const info = await checkJanusApi(options);
      const tokenAuth = info.auth_token === true;
      await checkWebSocket(options);
      await checkAdmin(options);
      if (info.api_secret !== true && !tokenAuth) {
        log?.warn(
          { url: options.urls.http },
          'this Janus has neither api_secret nor token_auth: anyone can use it',
        );
      }
      endpoints = { urls: options.urls, secrets: options.secrets, origin: options.origin };
      log?.info({ url: options.urls.http, version: info.version_string, tokenAuth }, 'remote Janus checked');
    },
    stop: () => Promise.resolve(),
    onEvent: () => () => undefined,
  };
}

async function checkJanusApi(options: RemoteGatewayOptions): Promise<JanusInfo> {
  const url = options.urls.http;
  const connection = await reach(url, '--janus-http-url (or JANUS_HTTP_URL)', () =>
    JanusConnection.connect({ ...clientOptions(options), url }),
  );
  try {
    const info = await connection.info();
    if (!(STREAMING in info.plugins)) {
      throw new JanusUnreachableError(`the Janus at ${url} does not load ${STREAMING}: enable that plugin`);
    }
    if (info.api_secret === true && options.secrets.apiSecret === undefined) {
      throw new JanusSecretRefusedError(
        `the Janus at ${url} requires an API secret: pass --janus-api-secret (or JANUS_API_SECRET)`,
      );
    }
    if (options.secrets.apiSecret !== undefined) {
      const session = await connection.createSession().catch((error: unknown) => {
        throw refused(
          error,
          `the Janus at ${url} refused the API secret`,
          '--janus-api-secret',
          'JANUS_API_SECRET',
        );
      });
      await session.destroy();
    }
    return info;
  } finally {
    await connection.close();
  }
}

async function checkWebSocket(options: RemoteGatewayOptions): Promise<void> {
  const url = options.urls.ws;
  const connection = await reach(url, '--janus-ws-url (or JANUS_WS_URL)', () =>
    JanusConnection.connect({ ...clientOptions(options), url }),
  );
  await connection.close();
}

async function checkAdmin(options: RemoteGatewayOptions): Promise<void> {
  const url = options.urls.adminHttp;
  const admin = await reach(url, '--janus-admin-url (or JANUS_ADMIN_URL)', () =>
    JanusAdmin.connect({ ...clientOptions(options), url, adminSecret: options.secrets.adminSecret }),
  );
  try {
    await admin.listSessions().catch((error: unknown) => {
      throw refused(
        error,
        `the Janus Admin API at ${url} refused the admin secret`,
        '--janus-admin-secret',
        'JANUS_ADMIN_SECRET',
      );
    });
  } finally {
    await admin.close();
  }
}

function clientOptions(options: RemoteGatewayOptions): {
  origin?: string;
  apiSecret?: string;
  requestTimeoutMs: number;
  reconnect: { maxAttempts: number };
} {
  return {
    ...(options.origin === undefined ? {} : { origin: options.origin }),
    ...(options.secrets.apiSecret === undefined ? {} : { apiSecret: options.secrets.apiSecret }),
    requestTimeoutMs: options.requestTimeoutMs ?? 5_000,
    reconnect: { maxAttempts: 0 },
  };
}

async function reach<T>(url: string, setting: string, connect: () => Promise<T>): Promise<T> {
  try {
    return await connect();
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new JanusUnreachableError(
      `Janus does not answer at ${url} (${detail}): check ${setting} and that Janus runs there; ${ORIGIN_HINT}`,
      { cause: error },
    );
  }
}

function refused(error: unknown, what: string, flag: string, env: string): unknown {
  if (error instanceof JanusError && error.code === 'JANUS_ERR_UNAUTHORIZED') {
    return new JanusSecretRefusedError(
      `${what}: check ${flag} (or ${env}, or the secrets file given with --janus-secrets-file)`,
      { cause: error },
    );
  }
  return error;
}
