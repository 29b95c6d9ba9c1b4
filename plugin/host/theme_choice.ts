/**
 * The standalone host's dark mode switch, shared by the server (which page to serve) and the
 * browser core (switching live). Kibana keeps the colour mode as a user setting and serves the
 * page in it; the host takes `?theme=dark|light`, else the choice remembered in a cookie.
 */
export const THEME_COOKIE = 'kbnHostTheme';
export const CHARTS_THEME_LINK_ID = 'host-charts-theme';

/** Elastic Charts' CSS for the colour mode (Kibana loads it for plugins; both are in shared deps). */
export function chartsCssFile(darkMode: boolean): string {
  return darkMode ? 'theme_only_dark.css' : 'theme_only_light.css';
}

function parseChoice(value: string | undefined): boolean | undefined {
  if (value === 'dark') return true;
  if (value === 'light') return false;
  return undefined;
}

/** Dark mode for a page request: the `theme` query parameter, else the cookie, else light. */
export function requestedDarkMode(
  queryTheme: string | undefined,
  cookieHeader: string | undefined,
): boolean {
  const cookie = (cookieHeader ?? '')
    .split(';')
    .map((part) => part.trim().split('='))
    .find(([name]) => name === THEME_COOKIE)?.[1];
  return parseChoice(queryTheme) ?? parseChoice(cookie) ?? false;
}
