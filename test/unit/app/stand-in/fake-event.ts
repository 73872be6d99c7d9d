import type { Event } from 'electron';

/** An Electron `Event` whose `preventDefault()` is remembered, as the real one is. */
export function fakeEvent(): Event {
  let prevented = false;
  return {
    preventDefault: () => {
      prevented = true;
    },
    get defaultPrevented() {
      return prevented;
    },
  };
}
