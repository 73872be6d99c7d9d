// Run inside a lab namespace by `lab up` (through `ip netns exec`): waits for Janus there, where its
// 127.0.0.1 is reachable. Argument: a JanusReadyTarget as JSON. Exit code 0 = ready, 1 = not (why: stderr).
import { waitForJanus, type JanusReadyTarget } from '../../main/gateway/janus-ready';

try {
  await waitForJanus(JSON.parse(process.argv[2] ?? '') as JanusReadyTarget);
} catch (error) {
  console.error(error);
  process.exitCode = 1;
}
