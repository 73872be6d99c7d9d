// How a KV write's failure reads to a user: a revision that moved (another station wrote first: 409) versus a
// NATS that did not answer in time or is down (503 VIGIL_ERR_CLUSTER_UNAVAILABLE).
import { JetStreamApiCodes, JetStreamApiError } from '@nats-io/jetstream';

import { clusterUnavailable, type ClusterConnection } from './connection';

/** True when NATS refused a compare-and-swap write because the key's revision was not the expected one. */
function isRevisionMismatch(error: unknown): boolean {
  return (
    error instanceof JetStreamApiError &&
    (error.code === JetStreamApiCodes.StreamWrongLastSequence ||
      error.code === JetStreamApiCodes.StreamWrongLastSequenceUnknown)
  );
}

/**
 * Runs a KV write while NATS is up: refused at once (VIGIL_ERR_CLUSTER_UNAVAILABLE) while it is down; a
 * revision mismatch becomes `onMismatch()`'s error; any other failure (timeout, lost connection) is reported as
 * the cluster being unavailable, with the cause kept.
 */
export async function clusterWrite<R>(
  connection: ClusterConnection,
  write: () => Promise<R>,
  onMismatch: () => Error,
): Promise<R> {
  connection.assertUp();
  try {
    return await write();
  } catch (error) {
    if (isRevisionMismatch(error)) throw onMismatch();
    const unavailable = clusterUnavailable();
    unavailable.cause = error;
    throw unavailable;
  }
}
