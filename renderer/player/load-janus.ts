import type { JanusLike } from './janus-like';

/**
 * Loads janus.js (janus-gateway's ES build) and webrtc-adapter on first use and initialises janus.js
 * with that adapter as a dependency (the ES build would otherwise look for a global `adapter`).
 * Dynamic imports keep both out of any module graph that only needs the player's types.
 */
export async function loadJanus(): Promise<JanusLike> {
  const [{ default: Janus }, { default: adapter }] = await Promise.all([
    import('janus-gateway'),
    import('webrtc-adapter'),
  ]);
  await new Promise<void>((resolve) => {
    Janus.init({
      debug: false,
      dependencies: Janus.useDefaultDependencies({ adapter }),
      callback: () => {
        resolve();
      },
    });
  });
  return Janus;
}
