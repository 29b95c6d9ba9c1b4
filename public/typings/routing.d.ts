/**
 * The subset of `history` v4 and `react-router-dom` v5 the app uses. Both packages are installed
 * but ship no types, and `@types/history@4` / `@types/react-router-dom@5` are not installed;
 * these declarations follow those packages' published types and can be deleted once they are.
 */
declare module 'history' {
  export interface Location {
    pathname: string;
    search: string;
    hash: string;
    state: unknown;
  }
  export type UnregisterCallback = () => void;
  export interface History {
    readonly length: number;
    readonly action: 'PUSH' | 'POP' | 'REPLACE';
    readonly location: Location;
    push(path: string, state?: unknown): void;
    push(location: Partial<Location>): void;
    replace(path: string, state?: unknown): void;
    replace(location: Partial<Location>): void;
    go(n: number): void;
    goBack(): void;
    goForward(): void;
    listen(listener: (location: Location, action: string) => void): UnregisterCallback;
    createHref(location: Partial<Location>): string;
  }
  export function createBrowserHistory(options?: { basename?: string }): History;
  export function createMemoryHistory(options?: { initialEntries?: string[] }): History;
}

declare module 'react-router-dom' {
  import type { ComponentType, ReactNode } from 'react';
  import type { History, Location } from 'history';

  export function Router(props: { history: History; children?: ReactNode }): JSX.Element;
  export function Switch(props: { children?: ReactNode }): JSX.Element;
  export function Route(props: {
    path?: string | string[];
    exact?: boolean;
    component?: ComponentType;
    children?: ReactNode;
  }): JSX.Element;
  export function Redirect(props: { to: string; exact?: boolean; from?: string }): JSX.Element;
  export function useLocation(): Location;
  export function useHistory(): History;
}
