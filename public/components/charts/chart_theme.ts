import { DARK_THEME, LIGHT_THEME, type PartialTheme, type Theme } from '@elastic/charts';
import { useEuiTheme } from '@elastic/eui';
import { useMemo } from 'react';

/**
 * The theme's palette pairs each hue with a pale tint (teal, pale teal, blue, pale blue, …), so a
 * chart with 3–5 series shows look-alike colours. Strong hues first, in an order that keeps
 * neighbours apart (teal, blue, yellow, coral, pale blue, pink), then the rest.
 */
const STRONG_ORDER = [0, 2, 8, 6, 3, 4];
export function strongColorsFirst(colors: readonly string[]): string[] {
  const strong = STRONG_ORDER.filter((i) => i < colors.length).map((i) => colors[i] as string);
  return [...strong, ...colors.filter((color) => !strong.includes(color))];
}

function withStrongColorsFirst(theme: Theme): Theme {
  return {
    ...theme,
    colors: { ...theme.colors, vizColors: strongColorsFirst(theme.colors.vizColors) },
  };
}

const THEMES = {
  LIGHT: withStrongColorsFirst(LIGHT_THEME),
  DARK: withStrongColorsFirst(DARK_THEME),
};

/**
 * Elastic Charts' base theme following EUI's colour mode (so Kibana's dark mode), as Kibana's
 * charts plugin does. The chart's own background is transparent: in dark mode Elastic Charts'
 * background is darker than EUI's panel and showed as a box inside every panel; label contrast
 * is computed against the panel colour instead.
 */
export function useChartBaseTheme(): Theme {
  const { colorMode, euiTheme } = useEuiTheme();
  const panelColor = euiTheme.colors.backgroundBasePlain;
  return useMemo(() => {
    const base = colorMode === 'DARK' ? THEMES.DARK : THEMES.LIGHT;
    return { ...base, background: { color: 'transparent', fallbackColor: panelColor } };
  }, [colorMode, panelColor]);
}

/** Slightly larger tick labels than the default 10 px, so dates and amounts read at a glance. */
export const CHART_THEME_OVERRIDES: PartialTheme = {
  axes: {
    tickLabel: { fontSize: 11 },
    axisTitle: { fontSize: 12 },
  },
  legend: { verticalWidth: 180, labelOptions: { maxLines: 1 } },
};

/** Lines end on the last point: a little air keeps the first and last points off the edges. */
export const LINE_CHART_PADDINGS: PartialTheme = {
  chartPaddings: { left: 10, right: 10, top: 0, bottom: 0 },
};
