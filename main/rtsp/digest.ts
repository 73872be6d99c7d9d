import { createHash, randomBytes } from 'node:crypto';

/** One challenge from a `WWW-Authenticate` header: lower-case scheme and lower-case parameter names. */
export interface AuthChallenge {
  scheme: string;
  params: Map<string, string>;
}

/** A user name and password for a camera. */
export interface Credentials {
  username: string;
  password: string;
}

/** The parts of a Digest challenge (RFC 7616) this client can answer. */
export interface DigestChallenge {
  realm: string;
  nonce: string;
  opaque?: string;
  /** The algorithm as the server spelled it; absent means MD5. */
  algorithm?: string;
  /** `auth` when the server offered qop=auth; absent for RFC 2069-style digest. */
  qop?: 'auth';
  stale: boolean;
}

/** The inputs of one Digest `response` value. */
export interface DigestInput extends Credentials {
  method: string;
  uri: string;
  realm: string;
  nonce: string;
  algorithm?: string;
  qop?: 'auth';
  nc?: string;
  cnonce?: string;
}

const HASHES: Readonly<Record<string, string>> = {
  MD5: 'md5',
  'SHA-256': 'sha256',
  'SHA-512-256': 'sha512-256',
};

/** Parses every challenge in one or more `WWW-Authenticate` header values. */
export function parseWwwAuthenticate(values: readonly string[]): AuthChallenge[] {
  const challenges: AuthChallenge[] = [];
  for (const value of values) {
    const reader = new Reader(value);
    let current: AuthChallenge | undefined;
    for (;;) {
      reader.skip(/[\s,]*/);
      if (reader.done()) break;
      const token = reader.token();
      if (token === '') {
        reader.pos += 1; // a stray '=' or '"': skip it rather than loop
        continue;
      }
      reader.skip(/[ \t]*/);
      if (current !== undefined && reader.peek() === '=') {
        reader.pos += 1;
        reader.skip(/[ \t]*/);
        current.params.set(token.toLowerCase(), reader.peek() === '"' ? reader.quoted() : reader.token());
      } else {
        current = { scheme: token.toLowerCase(), params: new Map() };
        challenges.push(current);
      }
    }
  }
  return challenges;
}

/** The Digest challenge's fields, or undefined when this client cannot answer it (algorithm, qop, nonce). */
export function toDigestChallenge(challenge: AuthChallenge): DigestChallenge | undefined {
  const { params } = challenge;
  const nonce = params.get('nonce');
  const algorithm = params.get('algorithm');
  const qops = params
    .get('qop')
    ?.split(',')
    .map((q) => q.trim().toLowerCase());
  if (challenge.scheme !== 'digest' || nonce === undefined) return undefined;
  if (algorithm !== undefined && hashOf(algorithm) === undefined) return undefined;
  if (qops !== undefined && !qops.includes('auth')) return undefined;
  const opaque = params.get('opaque');
  return {
    realm: params.get('realm') ?? '',
    nonce,
    ...(opaque === undefined ? {} : { opaque }),
    ...(algorithm === undefined ? {} : { algorithm }),
    ...(qops === undefined ? {} : { qop: 'auth' as const }),
    stale: params.get('stale')?.toLowerCase() === 'true',
  };
}

/** Computes the Digest `response` value (RFC 2617 §3.2.2.1, RFC 7616 §3.4.1). */
export function digestResponse(input: DigestInput): string {
  const name = input.algorithm ?? 'MD5';
  const hashName = hashOf(name);
  if (hashName === undefined) throw new TypeError(`Unsupported digest algorithm ${name}`);
  const h = (text: string) => createHash(hashName).update(text, 'utf8').digest('hex');
  let ha1 = h(`${input.username}:${input.realm}:${input.password}`);
  if (name.toUpperCase().endsWith('-SESS')) ha1 = h(`${ha1}:${input.nonce}:${input.cnonce ?? ''}`);
  const ha2 = h(`${input.method}:${input.uri}`);
  return input.qop === undefined
    ? h(`${ha1}:${input.nonce}:${ha2}`)
    : h(`${ha1}:${input.nonce}:${input.nc ?? ''}:${input.cnonce ?? ''}:${input.qop}:${ha2}`);
}

/** Answers a camera's challenges: Digest when offered (nc counted per nonce), else Basic. */
export class RtspAuthorizer {
  /** `digest` or `basic`: what this authorizer sends. */
  readonly method: 'digest' | 'basic';
  #digest: DigestChallenge | undefined;
  #nc = 0;
  readonly #credentials: Credentials;

  private constructor(credentials: Credentials, digest: DigestChallenge | undefined) {
    this.#credentials = credentials;
    this.#digest = digest;
    this.method = digest === undefined ? 'basic' : 'digest';
  }

  /** Picks the first Digest challenge this client can answer, else Basic; undefined when neither is offered. */
  static choose(challenges: readonly AuthChallenge[], credentials: Credentials): RtspAuthorizer | undefined {
    for (const challenge of challenges) {
      const digest = toDigestChallenge(challenge);
      if (digest !== undefined) return new RtspAuthorizer(credentials, digest);
    }
    const basic = challenges.some((c) => c.scheme === 'basic');
    return basic ? new RtspAuthorizer(credentials, undefined) : undefined;
  }

  /** Takes a new nonce from a `stale=true` Digest challenge; false when there is none (the login was refused). */
  renew(challenges: readonly AuthChallenge[]): boolean {
    if (this.#digest === undefined) return false;
    const fresh = challenges.map(toDigestChallenge).find((c) => c?.stale === true);
    if (fresh === undefined) return false;
    this.#digest = fresh;
    this.#nc = 0;
    return true;
  }

  /** The `Authorization` header value for one request. */
  header(method: string, uri: string): string {
    const { username, password } = this.#credentials;
    const digest = this.#digest;
    if (digest === undefined) {
      return `Basic ${Buffer.from(`${username}:${password}`, 'utf8').toString('base64')}`;
    }
    this.#nc += 1;
    const nc = this.#nc.toString(16).padStart(8, '0');
    const cnonce = randomBytes(8).toString('hex');
    const { realm, nonce, algorithm, qop, opaque } = digest;
    const response = digestResponse({
      username,
      password,
      method,
      uri,
      realm,
      nonce,
      algorithm,
      qop,
      nc,
      cnonce,
    });
    const fields = [
      `username=${quote(username)}`,
      `realm=${quote(realm)}`,
      `nonce=${quote(nonce)}`,
      `uri=${quote(uri)}`,
      `response="${response}"`,
      ...(algorithm === undefined ? [] : [`algorithm=${algorithm}`]),
      ...(opaque === undefined ? [] : [`opaque=${quote(opaque)}`]),
      ...(qop === undefined ? [] : [`qop=${qop}`, `nc=${nc}`, `cnonce="${cnonce}"`]),
    ];
    return `Digest ${fields.join(', ')}`;
  }
}

function hashOf(algorithm: string): string | undefined {
  return HASHES[algorithm.toUpperCase().replace(/-SESS$/, '')];
}

function quote(value: string): string {
  return `"${value.replace(/["\\]/g, '\\$&')}"`;
}

/** A cursor over one header value. */
class Reader {
  pos = 0;
  constructor(readonly text: string) {}

  done(): boolean {
    return this.pos >= this.text.length;
  }
  peek(): string {
    return this.text.charAt(this.pos);
  }
  rest(): string {
    return this.text.slice(this.pos);
  }
  /** Advances past a match of `pattern` at the cursor. */
  skip(pattern: RegExp): void {
    const match = new RegExp(`^(?:${pattern.source})`).exec(this.rest());
    this.pos += match?.[0].length ?? 0;
  }
  token(): string {
    const match = /^[^\s,="]*/.exec(this.rest());
    const token = match?.[0] ?? '';
    this.pos += token.length;
    return token;
  }
  quoted(): string {
    let value = '';
    this.pos += 1;
    while (!this.done() && this.peek() !== '"') {
      if (this.peek() === '\\') this.pos += 1;
      value += this.peek();
      this.pos += 1;
    }
    this.pos += 1;
    return value;
  }
}
