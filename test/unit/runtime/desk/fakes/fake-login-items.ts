import type { LoginItems } from '../../../../../main/runtime/desk/start-at-login';

/** Stand-in for the OS's login items: records the last settings. */
export class FakeLoginItems implements LoginItems {
  loginItemSettings: Parameters<LoginItems['setLoginItemSettings']>[0] | Record<string, never> = {};

  /** Records the settings. */
  setLoginItemSettings(settings: Parameters<LoginItems['setLoginItemSettings']>[0]): void {
    this.loginItemSettings = { ...settings };
  }
}
