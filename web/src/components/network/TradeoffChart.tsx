/**
 * Cost against delivery time, one point per number of warehouses: each extra site buys shorter
 * transit with fixed cost, and the curve shows where that stops paying. Today's network is the
 * separate marker. Clicking a point selects that scenario.
 */
import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { LineChart, ScatterChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { formatMoney, formatPercent } from '../../lib/format';
import type { NetworkStudyResult, StudyScenario } from './types';

echarts.use([LineChart, ScatterChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

interface Datum {
  value: [number, number];
  k: number | null;
  s: StudyScenario;
}

export function TradeoffChart({ result, selected, onSelect, height = 300 }: { result: NetworkStudyResult; selected: number; onSelect: (k: number) => void; height?: number }) {
  const ref = useRef<HTMLDivElement>(null);
  const select = useRef(onSelect);
  select.current = onSelect;

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const chart = echarts.init(el, undefined, { renderer: 'canvas' });
    const cur = result.currency;
    const feasible = result.scenarios.filter((s) => s.status !== 'infeasible');
    const points: Datum[] = feasible.map((s) => ({ value: [s.transitDays.mean, Number(s.cost.total)], k: s.warehouses, s }));
    const today: Datum[] = result.current && result.current.status !== 'infeasible' ? [{ value: [result.current.transitDays.mean, Number(result.current.cost.total)], k: null, s: result.current }] : [];
    const tip = (d: Datum) =>
      `<div style="font-weight:600;margin-bottom:2px">${d.k === null ? 'Today’s network' : `${d.k} warehouse${d.k === 1 ? '' : 's'}`}: ${d.s.openSites.join(', ')}</div>` +
      `Total: <b>${formatMoney(d.s.cost.total, cur)}</b> / yr<br/>Fixed ${formatMoney(d.s.cost.fixed, cur)} · transport ${formatMoney(d.s.cost.transport, cur)}<br/>` +
      `Mean transit ${d.s.transitDays.mean.toFixed(2)} days · within 2 days ${formatPercent(d.s.shareWithinDays['2'], 0)}`;
    chart.setOption({
      animation: false,
      textStyle: { fontFamily: 'inherit' },
      grid: { left: 8, right: 24, top: 36, bottom: 28, containLabel: true },
      legend: { top: 0, right: 0, itemWidth: 14, itemHeight: 8, textStyle: { color: '#4b5563' } },
      tooltip: { trigger: 'item', formatter: (p: unknown) => tip((p as { data: Datum }).data) },
      xAxis: {
        type: 'value', name: 'mean transit days (demand-weighted)', nameLocation: 'middle', nameGap: 26, scale: true,
        nameTextStyle: { color: '#6b7280' }, axisLabel: { color: '#6b7280' }, splitLine: { lineStyle: { color: '#eef0f3' } },
      },
      yAxis: {
        type: 'value', scale: true, axisLabel: { color: '#6b7280', formatter: (v: number) => formatMoney(v, cur, { compact: true }) },
        splitLine: { lineStyle: { color: '#eef0f3' } },
      },
      series: [
        {
          name: 'Warehouses (k)', type: 'line', data: points, color: '#1d4ed8', lineStyle: { width: 2 },
          symbolSize: (_: unknown, p: { data: Datum }) => (p.data.k === selected ? 16 : 10),
          itemStyle: { color: '#1d4ed8', borderColor: '#fff', borderWidth: 1.5 },
          label: { show: true, position: 'top', formatter: (p: { data: Datum }) => `k=${p.data.k}`, color: '#101828', fontWeight: 600 },
        },
        {
          name: 'Today', type: 'scatter', data: today, color: '#ea580c', symbol: 'diamond', symbolSize: 14,
          label: { show: true, position: 'right', formatter: 'today', color: '#ea580c', fontWeight: 600 },
        },
      ],
    });
    chart.on('click', (p) => {
      const d = p.data as Datum | undefined;
      if (d && d.k !== null) select.current(d.k);
    });
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(el);
    return () => {
      observer.disconnect();
      chart.dispose();
    };
  }, [result, selected]);

  return <div ref={ref} className="chart" style={{ height }} data-testid="network-tradeoff" />;
}
