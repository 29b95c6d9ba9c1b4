import { createBrowserHistory, type History } from 'history';
import type { Observable } from 'rxjs';
import type { App, AppUnmount, ApplicationStart, CoreTheme } from '@kbn/core/public';

/**
 * `core.application`: the registry of apps and the one mounted app. Each app gets a browser
 * history scoped to `/app/<id>` (Kibana's ScopedHistory); navigating within the current app goes
 * through that history, to another app unmounts the current one and mounts the other.
 */
export class HostApplication implements ApplicationStart {
  readonly apps = new Map<string, App>();
  private current: { id: string; history: History; unmount: AppUnmount } | null = null;
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly element: HTMLElement,
    private readonly theme$: Observable<CoreTheme>,
  ) {
    window.addEventListener('popstate', () => {
      const { appId } = parseAppUrl(window.location.pathname);
      if (appId && appId !== this.current?.id) void this.mount(appId);
    });
  }

  register = (app: App): void => {
    if (this.apps.has(app.id)) throw new Error(`app '${app.id}' is already registered`);
    this.apps.set(app.id, app);
  };

  get currentAppId(): string | null {
    return this.current?.id ?? null;
  }

  get currentPath(): string {
    return this.current?.history.location.pathname ?? '/';
  }

  /** Called on every location change, for the chrome's active link. */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  getUrlForApp = (appId: string, options: { path?: string } = {}): string =>
    `/app/${appId}${options.path ?? ''}`;

  navigateToApp = async (appId: string, options: { path?: string } = {}): Promise<void> => {
    if (this.current?.id === appId) {
      this.current.history.push(options.path ?? '/');
      return;
    }
    window.history.pushState(null, '', this.getUrlForApp(appId, options));
    await this.mount(appId);
  };

  /** Mounts the app the URL names, or the first registered one. */
  async mountFromUrl(): Promise<void> {
    const { appId } = parseAppUrl(window.location.pathname);
    const first = this.apps.keys().next().value;
    const target = appId && this.apps.has(appId) ? appId : first;
    if (!target) throw new Error('no plugin registered an app');
    if (target !== appId) window.history.replaceState(null, '', this.getUrlForApp(target));
    await this.mount(target);
  }

  /** The scoped history reads the app's path from the URL, so only the id is needed. */
  private async mount(appId: string): Promise<void> {
    const app = this.apps.get(appId);
    if (!app) throw new Error(`no app '${appId}' is registered`);
    this.current?.unmount();
    this.current = null;
    const appBasePath = `/app/${appId}`;
    const history = createBrowserHistory({ basename: appBasePath });
    history.listen(() => this.emit());
    const unmount = await app.mount({
      element: this.element,
      history,
      appBasePath,
      theme$: this.theme$,
    });
    this.current = { id: appId, history, unmount };
    this.emit();
  }

  private emit(): void {
    for (const listener of this.listeners) listener();
  }
}

export function parseAppUrl(pathname: string): { appId: string | null; path: string } {
  const match = /^\/app\/([^/]+)(\/.*)?$/.exec(pathname);
  return match ? { appId: match[1] ?? null, path: match[2] ?? '/' } : { appId: null, path: '/' };
}
