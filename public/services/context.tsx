import React, { createContext, useContext, type ReactNode } from 'react';
import type { NotificationsStart } from '@kbn/core/public';
import type { CustomerAnalyticsApi } from './api';

/** What components reach through context instead of props: the API client and toasts. */
export interface Services {
  api: CustomerAnalyticsApi;
  notifications: NotificationsStart;
}

const ServicesContext = createContext<Services | null>(null);

export function ServicesProvider({
  services,
  children,
}: {
  services: Services;
  children: ReactNode;
}): JSX.Element {
  return <ServicesContext.Provider value={services}>{children}</ServicesContext.Provider>;
}

export function useServices(): Services {
  const services = useContext(ServicesContext);
  if (!services) throw new Error('useServices() called outside <ServicesProvider>');
  return services;
}
