import { RtspProtocolError } from './errors';

/** One RTSP response; header names are lower-case and a header may repeat. */
export interface RtspResponse {
  status: number;
  reason: string;
  headers: Map<string, string[]>;
  body: Buffer;
  /** The response's CSeq, when it had a readable one. */
  cseq?: number;
}

/** Largest status line + headers accepted. */
export const MAX_HEAD_BYTES = 16 * 1024;
/** Largest body (an SDP) accepted. */
export const MAX_BODY_BYTES = 1024 * 1024;

const STATUS_LINE = /^RTSP\/\d\.\d (\d{3})(?: (.*))?$/;

/** The first value of a header, or undefined. */
export function headerValue(response: RtspResponse, name: string): string | undefined {
  return response.headers.get(name.toLowerCase())?.[0];
}

/** Serialises an RTSP request without a body. */
export function formatRequest(
  method: string,
  url: string,
  headers: Readonly<Record<string, string>>,
): string {
  const lines = [`${method} ${url} RTSP/1.0`, ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`)];
  if (lines.some((line) => /[\r\n]/.test(line))) {
    throw new RtspProtocolError('malformed', `line break inside the ${method} request`);
  }
  return `${lines.join('\r\n')}\r\n\r\n`;
}

/** Cuts a byte stream into RTSP responses, however the bytes are chunked. */
export class RtspResponseReader {
  #buffer: Buffer = Buffer.alloc(0);

  /** True while part of a response has arrived but not all of it. */
  get partial(): boolean {
    return this.#buffer.length > 0;
  }

  /** Adds bytes and returns every response they complete; throws RtspProtocolError on non-RTSP bytes. */
  push(chunk: Buffer): RtspResponse[] {
    this.#buffer = this.#buffer.length === 0 ? chunk : Buffer.concat([this.#buffer, chunk]);
    const responses: RtspResponse[] = [];
    for (;;) {
      const response = this.#next();
      if (response === undefined) return responses;
      responses.push(response);
    }
  }

  #next(): RtspResponse | undefined {
    let skip = 0;
    while (this.#buffer[skip] === 0x0d || this.#buffer[skip] === 0x0a) skip++; // stray line ends between responses
    const buffer = this.#buffer.subarray(skip);
    this.#buffer = buffer;
    if (buffer.length === 0) return undefined;
    checkStart(buffer.subarray(0, 5).toString('latin1'));
    const head = findHeadEnd(buffer);
    if (head === undefined) {
      if (buffer.length > MAX_HEAD_BYTES) {
        throw new RtspProtocolError('too_large', 'response headers too long');
      }
      return undefined;
    }
    const response = parseHead(buffer.subarray(0, head.end).toString('utf8'));
    const length = contentLength(response.headers);
    if (buffer.length < head.bodyStart + length) return undefined;
    response.body = Buffer.from(buffer.subarray(head.bodyStart, head.bodyStart + length));
    this.#buffer = buffer.subarray(head.bodyStart + length);
    return response;
  }
}

function checkStart(start: string): void {
  if ('RTSP/'.startsWith(start) || start.startsWith('RTSP/')) return;
  if (start === 'HTTP/') throw new RtspProtocolError('http', 'the peer answered HTTP');
  if (!'HTTP/'.startsWith(start)) {
    throw new RtspProtocolError('not_rtsp', 'the answer does not start with RTSP/');
  }
}

function findHeadEnd(buffer: Buffer): { end: number; bodyStart: number } | undefined {
  const crlf = buffer.indexOf('\r\n\r\n');
  const lf = buffer.indexOf('\n\n');
  if (crlf !== -1 && (lf === -1 || crlf < lf)) return { end: crlf, bodyStart: crlf + 4 };
  return lf === -1 ? undefined : { end: lf, bodyStart: lf + 2 };
}

function parseHead(head: string): RtspResponse {
  const [statusLine = '', ...lines] = head.split(/\r?\n/);
  const status = STATUS_LINE.exec(statusLine);
  if (status === null) throw new RtspProtocolError('malformed', 'unreadable status line');
  const headers = new Map<string, string[]>();
  let last: string[] | undefined;
  for (const line of lines) {
    if (/^[ \t]/.test(line) && last !== undefined) {
      last.push(`${last.pop() ?? ''} ${line.trim()}`); // folded continuation line
      continue;
    }
    const colon = line.indexOf(':');
    if (colon <= 0) throw new RtspProtocolError('malformed', 'unreadable header line');
    const name = line.slice(0, colon).trim().toLowerCase();
    last = headers.get(name) ?? [];
    last.push(line.slice(colon + 1).trim());
    headers.set(name, last);
  }
  const cseqText = headers.get('cseq')?.[0];
  const cseq = cseqText !== undefined && /^\d+$/.test(cseqText) ? Number(cseqText) : undefined;
  return {
    status: Number(status[1]),
    reason: status[2] ?? '',
    headers,
    body: Buffer.alloc(0),
    ...(cseq === undefined ? {} : { cseq }),
  };
}

function contentLength(headers: Map<string, string[]>): number {
  const text = headers.get('content-length')?.[0];
  if (text === undefined) return 0;
  if (!/^\d+$/.test(text)) throw new RtspProtocolError('malformed', 'unreadable Content-Length');
  const length = Number(text);
  if (length > MAX_BODY_BYTES) throw new RtspProtocolError('too_large', 'response body too large');
  return length;
}
