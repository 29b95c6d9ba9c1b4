import React from 'react';
import ReactDOM from 'react-dom';
import { Redirect, Route, Router, Switch } from 'react-router-dom';
import { EuiProvider } from '@elastic/eui';
import type { AppMountParameters, AppUnmount, CoreStart } from '@kbn/core/public';
import { DASHBOARDS, DEFAULT_DASHBOARD_PATH } from './apps/dashboards';
import { DASHBOARD_COMPONENTS } from './apps/routes';
import { CustomerAnalyticsApi } from './services/api';
import { ServicesProvider, type Services } from './services/context';

/**
 * Mounts the app into Kibana's element. Kibana 9 shares React 18 through `react-dom` only (no
 * `react-dom/client`), so the app renders with the legacy root API as Kibana's own apps do.
 */
export function renderApp(core: CoreStart, params: AppMountParameters): AppUnmount {
  const services: Services = {
    api: new CustomerAnalyticsApi(core.http),
    notifications: core.notifications,
  };
  let colorMode: 'light' | 'dark' = core.theme.getTheme().darkMode ? 'dark' : 'light';
  const render = () =>
    ReactDOM.render(
      <EuiProvider colorMode={colorMode}>
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
      </EuiProvider>,
      params.element,
    );
  render();
  const subscription = params.theme$.subscribe((theme) => {
    const next = theme.darkMode ? 'dark' : 'light';
    if (next !== colorMode) {
      colorMode = next;
      render();
    }
  });
  return () => {
    subscription.unsubscribe();
    ReactDOM.unmountComponentAtNode(params.element);
  };
}
