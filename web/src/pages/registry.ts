/**
 * Every page of the console, in navigation order. Each page is its own module with a default export,
 * loaded on demand, so a capability page can be replaced without touching the others.
 */
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { IconName } from '../components/Icon';

export interface PageDef {
  /** Route (`#/<id>`) and test id suffix (`nav-<id>`, `page-<id>`). */
  id: string;
  label: string;
  icon: IconName;
  section: 'Insights' | 'Operations' | 'Setup';
  Component: LazyExoticComponent<ComponentType>;
}

export const pages: PageDef[] = [
  { id: 'overview', label: 'Overview', icon: 'overview', section: 'Insights', Component: lazy(() => import('./Overview')) },
  { id: 'network', label: 'Network', icon: 'network', section: 'Insights', Component: lazy(() => import('./Network')) },
  { id: 'inventory', label: 'Inventory & Forecast', icon: 'inventory', section: 'Operations', Component: lazy(() => import('./Inventory')) },
  { id: 'packing', label: 'Packing', icon: 'packing', section: 'Operations', Component: lazy(() => import('./Packing')) },
  { id: 'shipping', label: 'Shipping & Rates', icon: 'shipping', section: 'Operations', Component: lazy(() => import('./Shipping')) },
  { id: 'cross-border', label: 'Cross-border', icon: 'cross-border', section: 'Operations', Component: lazy(() => import('./CrossBorder')) },
  { id: 'last-mile', label: 'Last mile', icon: 'last-mile', section: 'Operations', Component: lazy(() => import('./LastMile')) },
  { id: 'tracking', label: 'Tracking', icon: 'tracking', section: 'Operations', Component: lazy(() => import('./Tracking')) },
  { id: 'data', label: 'Data', icon: 'data', section: 'Setup', Component: lazy(() => import('./Data')) },
];

export function findPage(id: string): PageDef | undefined {
  return pages.find((p) => p.id === id);
}
