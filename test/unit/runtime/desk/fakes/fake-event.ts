import type { Preventable } from '../../../../../main/runtime/desk/events';

/** An event whose `preventDefault()` is remembered, as Electron's `Event` does (and the same shape). */
export function fakeEvent(): Preventable & { readonly defaultPrevented: boolean } {
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
