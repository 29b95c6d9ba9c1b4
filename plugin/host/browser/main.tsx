import React from 'react';
import { createRoot } from 'react-dom/client';
import type { CoreSetup, CoreStart, Plugin } from '@kbn/core/public';
import { HostApplication } from './application';
import { Chrome } from './chrome';
import { hostWindow } from './globals';
import { createHttp } from './http';
import { hostI18n } from './i18n';
import { HostTheme } from './theme';
import { ToastStore } from './toasts';

/**
 * Boots the plugins the shell page loaded, the way Kibana's core does: read each bundle's
 * `plugin` export from `__kbnBundles__`, `setup` them all, `start` them all, then mount the app
 * the URL names. The plugins see only the minimal core built here.
 */
async function boot(): Promise<void> {
  const chromeElement = document.getElementById('host-chrome')!;
  const appElement = document.getElementById('host-app')!;
  const theme = new HostTheme(hostWindow.__kbnHostConfig__.darkMode);
  const application = new HostApplication(appElement, theme.theme$);
  const http = createHttp();
  const toasts = new ToastStore();

  let resolveStart!: (start: [CoreStart, object, unknown]) => void;
  const startServices = new Promise<[CoreStart, object, unknown]>((r) => (resolveStart = r));
  const coreSetup: CoreSetup = {
    application: { register: application.register },
    http,
    getStartServices: () => startServices,
  };
  const coreStart: CoreStart = {
    application,
    http,
    i18n: hostI18n,
    notifications: { toasts },
    theme,
  };

  const plugins = hostWindow.__kbnHostConfig__.plugins.map((id) => readPlugin(id));
  for (const plugin of plugins) plugin.setup(coreSetup, {});
  for (const plugin of plugins) plugin.start(coreStart, {});
  resolveStart([coreStart, {}, undefined]);

  createRoot(chromeElement).render(
    <Chrome application={application} toasts={toasts} theme={theme} />,
  );
  await application.mountFromUrl();
}

/** Kibana's plugin reader: the bundle must have defined `plugin/<id>/public` with a `plugin` function. */
function readPlugin(id: string): Plugin {
  const key = `plugin/${id}/public`;
  if (!hostWindow.__kbnBundles__.has(key)) {
    throw new Error(`Definition of plugin "${id}" not found and may have failed to load.`);
  }
  const namespace = hostWindow.__kbnBundles__.get(key) as { plugin?: unknown };
  if (typeof namespace?.plugin !== 'function') {
    throw new Error(`Definition of plugin "${id}" should be a function.`);
  }
  return (namespace.plugin as (context: unknown) => Plugin)({ config: { get: () => ({}) } });
}

boot().catch((error: unknown) => {
  console.error(error);
  const message = document.createElement('pre');
  message.setAttribute('data-test-subj', 'hostFatalError');
  message.textContent = `The host could not start: ${(error as Error)?.stack ?? String(error)}`;
  document.body.appendChild(message);
});
