// The JetStream streams cluster mode keeps (alarm audit trail, station events): created by the first station
// that needs one, opened as they are by the others.
import {
  JetStreamApiCodes,
  JetStreamApiError,
  jetstreamManager,
  type StreamConfig,
} from '@nats-io/jetstream';
import { nanos } from '@nats-io/transport-node';

import type { ClusterConnection } from './connection';

/** A stream's name, the subjects it keeps and for how long. */
export interface ClusterStreamSpec {
  name: string;
  subjects: string[];
  maxAgeMs: number;
}

/** The stream's JetStream configuration (file storage; publishes carrying a message id are deduplicated 2 min). */
export function streamConfig(spec: ClusterStreamSpec): Partial<StreamConfig> & { name: string } {
  return {
    name: spec.name,
    subjects: spec.subjects,
    max_age: nanos(spec.maxAgeMs),
    duplicate_window: nanos(120_000),
  };
}

/** Opens the stream, creating it when it does not exist yet. */
export async function ensureStream(connection: ClusterConnection, spec: ClusterStreamSpec): Promise<void> {
  const manager = await jetstreamManager(connection.nats);
  try {
    await manager.streams.info(spec.name);
  } catch (error) {
    if (!(error instanceof JetStreamApiError && error.code === JetStreamApiCodes.StreamNotFound)) throw error;
    await manager.streams.add(streamConfig(spec));
  }
}

/** A token safe inside a NATS subject (a station id; anything but letters, digits, - and _ becomes _). */
export function subjectToken(text: string): string {
  return text.replace(/[^A-Za-z0-9_-]/g, '_') || '_';
}

/** Whether a KV write was refused because the key's revision is not the one expected (compare-and-swap lost). */
export function isRevisionConflict(error: unknown): boolean {
  return (
    error instanceof JetStreamApiError &&
    (error.code === JetStreamApiCodes.StreamWrongLastSequence ||
      error.code === JetStreamApiCodes.StreamWrongLastSequenceUnknown)
  );
}
