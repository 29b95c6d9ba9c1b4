/** The globals the shell page (plugin/host/shell_page.ts) defines before any bundle runs. */
export interface KbnBundles {
  define(key: string, bundleRequire: (moduleKey: string) => unknown, moduleKey: string): void;
  has(key: string): boolean;
  get(key: string): unknown;
}

export interface HostConfig {
  /** Plugin ids whose bundles the page loaded, in setup order. */
  plugins: string[];
  /** The colour mode the shell page was served in (plugin/host/theme_choice.ts). */
  darkMode: boolean;
}

export interface HostWindow {
  __kbnBundles__: KbnBundles;
  __kbnHostConfig__: HostConfig;
}

export const hostWindow = window as unknown as HostWindow;
