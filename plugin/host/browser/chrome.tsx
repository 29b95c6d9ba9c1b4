import React, { useEffect, useState } from 'react';
import {
  EuiGlobalToastList,
  EuiHeader,
  EuiHeaderLink,
  EuiHeaderLinks,
  EuiHeaderSection,
  EuiHeaderSectionItem,
  EuiIcon,
  EuiProvider,
  EuiTitle,
} from '@elastic/eui';
import type { HostApplication } from './application';
import type { HostToast, ToastStore } from './toasts';

/**
 * A Kibana-like header: the registered apps with their deep links as navigation, and the toast
 * list. It lives in its own React root; apps mount into their own element, as in Kibana.
 */
export function Chrome({
  application,
  toasts,
}: {
  application: HostApplication;
  toasts: ToastStore;
}): JSX.Element {
  const [, setVersion] = useState(0);
  const [toastList, setToastList] = useState<HostToast[]>([]);
  useEffect(() => application.onChange(() => setVersion((v) => v + 1)), [application]);
  useEffect(() => toasts.subscribe(setToastList), [toasts]);

  const links = [...application.apps.values()].flatMap((app) =>
    (app.deepLinks?.length ? app.deepLinks : [{ id: app.id, title: app.title, path: '/' }]).map(
      (link) => ({ appId: app.id, appTitle: app.title, ...link }),
    ),
  );
  const currentApp = application.currentAppId
    ? application.apps.get(application.currentAppId)
    : undefined;

  return (
    <EuiProvider colorMode="light">
      <EuiHeader position="static" theme="dark">
        <EuiHeaderSection>
          <EuiHeaderSectionItem>
            <EuiIcon type={currentApp?.euiIconType ?? 'logoKibana'} size="l" color="ghost" />
            <EuiTitle size="xs">
              <h1 style={{ color: 'white', margin: '0 16px 0 8px' }}>
                {currentApp?.title ?? 'Kibana'}
              </h1>
            </EuiTitle>
          </EuiHeaderSectionItem>
          <EuiHeaderSectionItem>
            <EuiHeaderLinks aria-label="Dashboards" data-test-subj="hostNav">
              {links.map((link) => {
                const active =
                  application.currentAppId === link.appId &&
                  application.currentPath.startsWith(link.path ?? '/');
                return (
                  <EuiHeaderLink
                    key={`${link.appId}/${link.id}`}
                    isActive={active}
                    href={application.getUrlForApp(link.appId, { path: link.path })}
                    onClick={(event: React.MouseEvent) => {
                      event.preventDefault();
                      void application.navigateToApp(link.appId, { path: link.path });
                    }}
                    data-test-subj={`hostNav-${link.appId}-${link.id}`}
                  >
                    {link.title}
                  </EuiHeaderLink>
                );
              })}
            </EuiHeaderLinks>
          </EuiHeaderSectionItem>
        </EuiHeaderSection>
      </EuiHeader>
      <EuiGlobalToastList
        toasts={toastList.map(({ id, title, text, color }) => ({ id, title, text, color }))}
        dismissToast={(toast) => toasts.remove(String(toast.id))}
        toastLifeTimeMs={10_000}
      />
    </EuiProvider>
  );
}
