/**
 * Stand-in for `@kbn/react-kibana-context-render` (see README.md). Kibana provides the real one
 * to every plugin bundle as a shared dependency (`__kbnSharedDeps__.KbnReactKibanaContextRender`);
 * the standalone host's shared-deps bundle exposes this one under the same name. Like Kibana's,
 * it renders an `EuiProvider` whose colour mode follows `theme.theme$` (without global styles:
 * the page root owns those), inside `i18n.Context`.
 */
import React, { useLayoutEffect, useState, type FC, type PropsWithChildren } from 'react';
import { EuiProvider, type EuiProviderProps } from '@elastic/eui';
import type { CoreTheme, I18nStart, ThemeServiceStart } from '@kbn/core/public';

export interface KibanaRenderContextProviderProps extends Pick<
  EuiProviderProps<object>,
  'modify' | 'colorMode'
> {
  theme: ThemeServiceStart;
  i18n: I18nStart;
}

/** Kibana's `getColorMode`: the theme's dark flag decides, unless the caller forces a mode. */
function useThemeColorMode(theme: ThemeServiceStart): 'DARK' | 'LIGHT' {
  const [current, setCurrent] = useState<CoreTheme>(() => theme.getTheme());
  // A layout effect, as react-use's useObservable: the first paint already has the right mode.
  useLayoutEffect(() => {
    const subscription = theme.theme$.subscribe(setCurrent);
    return () => subscription.unsubscribe();
  }, [theme]);
  return current.darkMode ? 'DARK' : 'LIGHT';
}

export const KibanaRenderContextProvider: FC<
  PropsWithChildren<KibanaRenderContextProviderProps>
> = ({ children, theme, i18n, colorMode, modify }) => {
  const themeColorMode = useThemeColorMode(theme);
  return (
    <EuiProvider
      colorMode={colorMode ?? themeColorMode}
      modify={modify}
      globalStyles={false}
      utilityClasses={false}
    >
      <i18n.Context>{children}</i18n.Context>
    </EuiProvider>
  );
};
