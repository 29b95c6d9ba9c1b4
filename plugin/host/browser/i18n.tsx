import React, { type FC, type PropsWithChildren } from 'react';
import { EuiContext } from '@elastic/eui';
import type { I18nStart } from '@kbn/core/public';

/**
 * `core.i18n`: Kibana's `Context` gives EUI its translations and formatters for the locale; the
 * host serves English only, so EUI's own English strings stand.
 */
const HostI18nContext: FC<PropsWithChildren> = ({ children }) => (
  <EuiContext i18n={{ locale: 'en' }}>{children}</EuiContext>
);

export const hostI18n: I18nStart = { Context: HostI18nContext };
