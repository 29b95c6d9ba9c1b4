import { BehaviorSubject } from 'rxjs';
import type { CoreTheme, ThemeServiceStart } from '@kbn/core/public';
import { CHARTS_THEME_LINK_ID, THEME_COOKIE, chartsCssFile } from '../theme_choice';

/**
 * `core.theme`: the colour mode the shell page was served in (`?theme=dark`, or the remembered
 * choice), switchable from the host's header. Switching swaps Elastic Charts' CSS (Kibana loads
 * the one matching its theme) and remembers the choice for the next page load.
 */
export class HostTheme implements ThemeServiceStart {
  readonly theme$: BehaviorSubject<CoreTheme>;

  constructor(darkMode: boolean) {
    this.theme$ = new BehaviorSubject<CoreTheme>({ darkMode, name: 'borealis' });
  }

  getTheme = (): CoreTheme => this.theme$.getValue();

  setDarkMode(darkMode: boolean): void {
    if (darkMode === this.getTheme().darkMode) return;
    const link = document.getElementById(CHARTS_THEME_LINK_ID);
    link?.setAttribute(
      'href',
      link.getAttribute('href')!.replace(/[^/]+$/, chartsCssFile(darkMode)),
    );
    document.cookie = `${THEME_COOKIE}=${darkMode ? 'dark' : 'light'}; path=/; SameSite=Lax`;
    this.theme$.next({ ...this.getTheme(), darkMode });
  }
}
