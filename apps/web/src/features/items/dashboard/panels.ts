import type { ComponentType } from 'react';
import type { DashboardPanelDto } from '@uc/contracts';
import type { TFunction } from '@/lib/locale.ts';
import type { MatrixStyle, SeriesStyle } from '../charts/options.ts';
import { HEALTH_COLOR, STATUS_COLOR } from '../labels.ts';

/**
 * How the web draws each dashboard panel the API sends (DashboardPanelDto: key, module, title, view).
 * Every panel renders from its view type alone (matrix → stacked or grouped bars, series → stacked bars over time,
 * list → a short list, stats → figures), so a module's new panel shows without any change here.
 * One entry here tunes it: width, colours per key, the chart style, or a component of its own.
 */
export interface PanelSpec {
  /** 'full' takes the whole row on a desktop; 'half' (the default) shares it */
  span?: 'full' | 'half';
  /** a colour per row/column/series key (statuses, health, cities…) */
  colors?: Readonly<Record<string, string>>;
  /** series views: stacked bars (default), stacked areas, or plain lines */
  series?: SeriesStyle;
  /** matrix views: stacked segments (default) or the columns side by side */
  matrix?: MatrixStyle;
  /** list views: the words for a row's value (default: the number) and the total's colour */
  listValue?: (t: TFunction, value: number) => string;
  accent?: string;
  /** draws the panel entirely in its own way */
  component?: ComponentType<{ panel: DashboardPanelDto }>;
}

export const PANELS: Readonly<Record<string, PanelSpec>> = {
  'items.kind_status': { span: 'full', colors: STATUS_COLOR },
  'items.overdue_milestones': { span: 'half', accent: '#cf1322', listValue: (t, days) => t('items.ms.overdue', { days }) },
  'items.health_trend': { span: 'half', colors: HEALTH_COLOR, series: 'bar' },
  // granted and used are not parts of one whole: side by side, never stacked past the quota
  'recuperation.places': { span: 'full', matrix: 'grouped', colors: { granted: '#1f63d6', used: '#fa8c16', released: '#8c8c8c' } },
  // contests and events add their entries here
};

export const panelSpec = (key: string): PanelSpec => PANELS[key] ?? {};
