/**
 * Stand-in for the types of `@kbn/core/public` the plugin uses (see ../README.md). Shapes follow
 * Kibana 9.5; only the members the plugin touches are declared.
 */
import type { History } from 'history';
import type { FC, PropsWithChildren } from 'react';
import type { Observable } from 'rxjs';

export interface CoreTheme {
  darkMode: boolean;
  name?: string;
}

/** Kibana's ScopedHistory is a history v4 `History` scoped to the app's base path. */
export type ScopedHistory = History;

export interface AppMountParameters {
  element: HTMLElement;
  history: ScopedHistory;
  appBasePath: string;
  theme$: Observable<CoreTheme>;
  onAppLeave?: (handler: unknown) => void;
  setHeaderActionMenu?: (menuMount: ((element: HTMLElement) => () => void) | undefined) => void;
}

export type AppUnmount = () => void;

export interface AppCategory {
  id: string;
  label: string;
  order?: number;
  euiIconType?: string;
}

export interface AppDeepLink {
  id: string;
  title: string;
  path?: string;
  deepLinks?: AppDeepLink[];
}

export interface App {
  id: string;
  title: string;
  category?: AppCategory;
  order?: number;
  euiIconType?: string;
  deepLinks?: AppDeepLink[];
  mount(params: AppMountParameters): AppUnmount | Promise<AppUnmount>;
}

export interface HttpFetchQuery {
  [key: string]: string | number | boolean | undefined;
}

export interface HttpFetchOptions {
  query?: HttpFetchQuery;
  signal?: AbortSignal;
  headers?: Record<string, string>;
  body?: string;
  method?: string;
}

/** What `http.fetch` rejects with: `body` is Kibana's JSON error `{statusCode, error, message}`. */
export interface IHttpFetchError<TBody = unknown> extends Error {
  readonly response?: Response;
  readonly body?: TBody;
}

export interface HttpSetup {
  fetch<T = unknown>(path: string, options?: HttpFetchOptions): Promise<T>;
  get<T = unknown>(path: string, options?: HttpFetchOptions): Promise<T>;
  basePath: { prepend(path: string): string; get(): string };
}
export type HttpStart = HttpSetup;

export interface ToastInput {
  title: string;
  text?: string;
}

export interface IToasts {
  addSuccess(toast: ToastInput | string): unknown;
  addWarning(toast: ToastInput | string): unknown;
  addDanger(toast: ToastInput | string): unknown;
  addError(error: Error, options: { title: string; toastMessage?: string }): unknown;
}

export interface NotificationsStart {
  toasts: IToasts;
}

export interface ApplicationStart {
  navigateToApp(appId: string, options?: { path?: string }): Promise<void>;
  getUrlForApp(appId: string, options?: { path?: string; absolute?: boolean }): string;
}

export interface ThemeServiceStart {
  theme$: Observable<CoreTheme>;
  getTheme(): CoreTheme;
}

/** `core.i18n`: `Context` provides the translations (and EUI's i18n) to a React tree. */
export interface I18nStart {
  Context: FC<PropsWithChildren>;
}

export interface CoreStart {
  application: ApplicationStart;
  http: HttpStart;
  i18n: I18nStart;
  notifications: NotificationsStart;
  theme: ThemeServiceStart;
}

export interface CoreSetup<TPluginsStart extends object = object, TStart = unknown> {
  application: { register(app: App): void };
  http: HttpSetup;
  getStartServices(): Promise<[CoreStart, TPluginsStart, TStart]>;
}

export interface PluginInitializerContext {
  config: { get<T = unknown>(): T };
}

export interface Plugin<TSetup = void, TStart = void> {
  setup(core: CoreSetup, plugins: object): TSetup;
  start(core: CoreStart, plugins: object): TStart;
  stop?(): void;
}
