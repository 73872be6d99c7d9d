import type { ProbeResult } from '../../common/probe';
import { probeCamera } from '../rtsp/probe';
import { probeRefusal, probeRequestOf, type CameraSource } from './camera-input';
import type { StationProbe } from './station-options';

/** Probes camera sources with the station's probe (default the RTSP probe) and timeout. */
export class CameraProber {
  readonly #probe: StationProbe;
  readonly #timeoutMs: number;

  constructor(probe: StationProbe | undefined, timeoutMs: number) {
    this.#probe = probe ?? probeCamera;
    this.#timeoutMs = timeoutMs;
  }

  /** What the camera at `source` answers. */
  probe(source: CameraSource): Promise<ProbeResult> {
    const request = probeRequestOf(source);
    return this.#probe({
      url: request.rtsp_url,
      username: source.username,
      password: source.password,
      timeoutMs: this.#timeoutMs,
    });
  }

  /** Probes, and throws the error `POST /cameras` answers when the camera may not be added as it is. */
  async probeOrRefuse(source: CameraSource, allowOffline = false): Promise<ProbeResult> {
    const result = await this.probe(source);
    const refusal = probeRefusal(result, allowOffline);
    if (refusal) throw refusal;
    return result;
  }
}
