import { confBackend, type StoreBackendFactory } from '../../../main/store/store-backend';

/** conf, except that every write throws the system error `errno` while `refusing()` is true (a full disk…). */
export function refusingBackend(errno: string, refusing: () => boolean): StoreBackendFactory {
  return (options) => {
    const conf = confBackend(options);
    const refuse = (): void => {
      if (refusing()) throw Object.assign(new Error(`${errno}: the disk refused the write`), { code: errno });
    };
    return {
      path: conf.path,
      get store() {
        return conf.store;
      },
      set store(value) {
        refuse();
        conf.store = value;
      },
      set(values) {
        refuse();
        conf.set(values);
      },
    };
  };
}
