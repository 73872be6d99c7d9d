import { join } from 'node:path';

import type { BrowserContext, Page } from 'playwright-core';

import { bundlePage } from './bundle';
import type { InboundStats, PeerCount } from './peer-types';

type PeerProbe = {
  count(): PeerCount;
  inbound(selector: string): Promise<{ muted: boolean; tracks: InboundStats[] } | undefined>;
};

/** Adds the peer-connection probe to every page of `context` before the page's own scripts run. */
export async function installPeerProbe(context: BrowserContext): Promise<void> {
  await context.addInitScript({
    content: await bundlePage(join(import.meta.dirname, 'pages/peer-probe.ts')),
  });
}

/** How many RTCPeerConnections the page made and how many are still open. */
export function peerCount(page: Page): Promise<PeerCount> {
  return page.evaluate(() => (globalThis as unknown as { peerProbe: PeerProbe }).peerProbe.count());
}

/** Whether the `<video>` matching `selector` is muted, and the inbound stats of each track it shows. */
export async function videoInbound(
  page: Page,
  selector: string,
): Promise<{ muted: boolean; tracks: InboundStats[] }> {
  const found = await page.evaluate(
    (s) => (globalThis as unknown as { peerProbe: PeerProbe }).peerProbe.inbound(s),
    selector,
  );
  if (!found) throw new Error(`no <video> matches ${selector}`);
  return found;
}

/** The inbound stats of the `kind` track the `<video>` matching `selector` shows (zeros when it has none). */
export async function trackInbound(
  page: Page,
  selector: string,
  kind: 'audio' | 'video',
): Promise<InboundStats> {
  const { tracks } = await videoInbound(page, selector);
  return (
    tracks.find((t) => t.kind === kind) ?? {
      kind,
      packetsReceived: 0,
      framesDecoded: 0,
      totalSamplesReceived: 0,
      totalAudioEnergy: 0,
    }
  );
}
