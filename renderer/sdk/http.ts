import { VASError, errorFromAnswer } from './errors';

/** One request to the station's REST API. */
export interface StationRequest {
  method: 'GET' | 'POST' | 'DELETE';
  /** The path below the base URL, already encoded, e.g. `/cameras/entrance_cam/stream`. */
  path: string;
  /** A JSON body (sent with `Content-Type: application/json`); none for bodiless requests. */
  body?: unknown;
}

/** Sends a request and resolves with the parsed JSON answer, or rejects with a `VASError`. */
export type StationRequester = <T>(request: StationRequest) => Promise<T>;

/** Where and how to reach the station. */
export interface StationHttpOptions {
  baseUrl: string;
  apiKey?: string | undefined;
  fetch?: typeof fetch | undefined;
}

/** Builds the SDK's one path to the station: bearer auth, JSON in and out, errors as `VASError`s. */
export function createStationRequester(options: StationHttpOptions): StationRequester {
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  // Looked up per call, and never called as a method of another object (browsers reject that).
  const send: typeof fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  return async <T>({ method, path, body }: StationRequest): Promise<T> => {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (options.apiKey) headers.Authorization = `Bearer ${options.apiKey}`;
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    let response: Response;
    try {
      response = await send(`${baseUrl}${path}`, {
        method,
        headers,
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    } catch (cause) {
      throw new VASError('VIGIL_ERR_NETWORK', `Cannot reach the station at ${baseUrl || 'this origin'}`, {
        cause,
      });
    }
    const parsed = await readJson(response);
    if (!response.ok) throw errorFromAnswer(response.status, parsed.ok ? parsed.value : undefined);
    if (!parsed.ok) {
      throw new VASError('VIGIL_ERR_BAD_RESPONSE', `${method} ${path} did not answer JSON`, {
        status: response.status,
        cause: parsed.cause,
      });
    }
    return parsed.value as T;
  };
}

type Parsed = { ok: true; value: unknown } | { ok: false; cause: unknown };

async function readJson(response: Response): Promise<Parsed> {
  try {
    return { ok: true, value: (await response.json()) as unknown };
  } catch (cause) {
    return { ok: false, cause };
  }
}
