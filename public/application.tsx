import React from 'react';
import { createRoot } from 'react-dom/client';
import { Redirect, Route, Router, Switch } from 'react-router-dom';
import { KibanaRenderContextProvider } from '@kbn/react-kibana-context-render';
import type { AppMountParameters, AppUnmount, CoreStart } from '@kbn/core/public';
import { DASHBOARDS, DEFAULT_DASHBOARD_PATH } from './apps/dashboards';
import { DASHBOARD_COMPONENTS } from './apps/routes';
import { CustomerAnalyticsApi } from './services/api';
import { ServicesProvider, type Services } from './services/context';

/**
 * Mounts the app into Kibana's element with a React 18 root (`createRoot`; the legacy
 * `ReactDOM.render` is gone in React 19), inside Kibana's render context: EUI's theme follows
 * `core.theme` (dark mode included) and `core.i18n` provides translations, as Kibana's own apps do.
 */
export function renderApp(core: CoreStart, params: AppMountParameters): AppUnmount {
  const services: Services = {
    api: new CustomerAnalyticsApi(core.http),
    notifications: core.notifications,
  };
  const root = createRoot(params.element);
  root.render(
    <KibanaRenderContextProvider {...core}>
      <ServicesProvider services={services}>
        <Router history={params.history}>
          <Switch>
            {DASHBOARDS.map(({ id, path }) => (
              <Route key={id} path={path} component={DASHBOARD_COMPONENTS[id]} />
            ))}
            <Redirect to={DEFAULT_DASHBOARD_PATH} />
          </Switch>
        </Router>
      </ServicesProvider>
    </KibanaRenderContextProvider>,
  );
  return () => root.unmount();
}
