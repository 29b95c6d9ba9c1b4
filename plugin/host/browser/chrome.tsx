import React, { useEffect, useState } from 'react';
import {
  EuiButtonIcon,
  EuiGlobalToastList,
  EuiHeader,
  EuiHeaderLink,
  EuiHeaderLinks,
  EuiHeaderSection,
  EuiHeaderSectionItem,
  EuiIcon,
  EuiProvider,
  EuiThemeProvider,
  EuiTitle,
} from '@elastic/eui';
import type { HostApplication } from './application';
import type { HostTheme } from './theme';
import type { HostToast, ToastStore } from './toasts';

/** Switches the page between light and dark, as Kibana's colour mode setting does. */
function ThemeToggle({ theme, darkMode }: { theme: HostTheme; darkMode: boolean }): JSX.Element {
  const label = darkMode ? 'Switch to light mode' : 'Switch to dark mode';
  // The header is dark in both modes: its button takes the dark theme's text colour.
  return (
    <EuiThemeProvider colorMode="dark">
      <EuiButtonIcon
        iconType={darkMode ? 'sun' : 'moon'}
        color="text"
        display="empty"
        aria-label={label}
        title={label}
        onClick={() => theme.setDarkMode(!darkMode)}
        data-test-subj="hostThemeToggle"
      />
    </EuiThemeProvider>
  );
}

/**
 * A Kibana-like header: the registered apps with their deep links as navigation, a dark mode
 * switch, and the toast list. It lives in its own React root with the page's global styles in
 * the current colour mode (Kibana's root provider); apps mount into their own element.
 */
export function Chrome({
  application,
  toasts,
  theme,
}: {
  application: HostApplication;
  toasts: ToastStore;
  theme: HostTheme;
}): JSX.Element {
  const [, setVersion] = useState(0);
  const [toastList, setToastList] = useState<HostToast[]>([]);
  const [darkMode, setDarkMode] = useState(theme.getTheme().darkMode);
  useEffect(() => application.onChange(() => setVersion((v) => v + 1)), [application]);
  useEffect(() => toasts.subscribe(setToastList), [toasts]);
  useEffect(() => {
    const subscription = theme.theme$.subscribe((current) => setDarkMode(current.darkMode));
    return () => subscription.unsubscribe();
  }, [theme]);

  const links = [...application.apps.values()].flatMap((app) =>
    (app.deepLinks?.length ? app.deepLinks : [{ id: app.id, title: app.title, path: '/' }]).map(
      (link) => ({ appId: app.id, appTitle: app.title, ...link }),
    ),
  );
  const currentApp = application.currentAppId
    ? application.apps.get(application.currentAppId)
    : undefined;

  return (
    <EuiProvider colorMode={darkMode ? 'dark' : 'light'}>
      <EuiHeader position="static" theme="dark">
        {/* Thirteen links outgrow a laptop's width: they scroll rather than push the rest off. */}
        <EuiHeaderSection grow style={{ minWidth: 0, flexShrink: 1 }}>
          <EuiHeaderSectionItem>
            <EuiIcon type={currentApp?.euiIconType ?? 'logoKibana'} size="l" color="ghost" />
            <EuiTitle size="xs">
              <h1 style={{ color: 'white', margin: '0 16px 0 8px', whiteSpace: 'nowrap' }}>
                {currentApp?.title ?? 'Kibana'}
              </h1>
            </EuiTitle>
          </EuiHeaderSectionItem>
          <EuiHeaderSectionItem className="hostNavLinks">
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
        <EuiHeaderSection side="right">
          <EuiHeaderSectionItem>
            <ThemeToggle theme={theme} darkMode={darkMode} />
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
