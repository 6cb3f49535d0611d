/**
 * History and forecast of one series with its 80 % and 95 % bands. Bands are stacked areas (the
 * lower bound invisible, the width on top), so only the parts of ECharts used are imported.
 */
import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { LineChart, ScatterChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { addDays, type ForecastSeries } from './types';

echarts.use([LineChart, ScatterChart, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent, CanvasRenderer]);

const fmt = (x: number) => (x >= 100 ? Math.round(x).toLocaleString('en') : x.toFixed(1));

export function ForecastChart({ series, height = 340 }: { series: ForecastSeries; height?: number }) {
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const chart = echarts.init(el, undefined, { renderer: 'canvas' });
    const h = series.history;
    const f = series.forecast;
    const histDates = h.values.map((_, i) => addDays(h.start, i));
    const fcDates = f.point.map((_, i) => addDays(f.start, i));
    const lastHistory: [string, number] | null = histDates.length ? [histDates[histDates.length - 1], h.values[h.values.length - 1]] : null;
    const byDate = new Map<string, { actual?: number; point?: number; l80?: number; u80?: number; l95?: number; u95?: number }>();
    histDates.forEach((d, i) => byDate.set(d, { actual: h.values[i] }));
    fcDates.forEach((d, i) => byDate.set(d, { point: f.point[i], l80: f.lower80[i], u80: f.upper80[i], l95: f.lower95[i], u95: f.upper95[i] }));
    const peakDates = new Map(series.peaks.map((p) => [p.date, p]));
    const peaks = series.peaks
      .filter((p) => byDate.has(p.date))
      .map((p) => [p.date, p.kind === 'forecast' ? f.point[fcDates.indexOf(p.date)] : h.values[histDates.indexOf(p.date)]]);
    const band = (name: string, lower: number[], upper: number[], stack: string, colour: string) => [
      { name, type: 'line', stack, symbol: 'none', color: colour, lineStyle: { opacity: 0 }, tooltip: { show: false }, data: fcDates.map((d, i) => [d, lower[i]]) },
      { name, type: 'line', stack, symbol: 'none', color: colour, lineStyle: { opacity: 0 }, areaStyle: { color: colour }, data: fcDates.map((d, i) => [d, Math.max(0, upper[i] - lower[i])]) },
    ];
    chart.setOption({
      animation: false,
      textStyle: { fontFamily: 'inherit' },
      grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
      legend: {
        top: 0, right: 0, itemWidth: 14, itemHeight: 8, textStyle: { color: '#4b5563' },
        data: ['Units sold', 'Forecast', '80 % interval', '95 % interval', 'Peak'],
      },
      tooltip: {
        trigger: 'axis',
        formatter: (params: unknown) => {
          const rows = params as { value: [string, number] }[];
          if (!rows.length) return '';
          const date = rows[0].value[0];
          const d = byDate.get(date);
          const title = new Date(`${date}T00:00:00Z`).toLocaleDateString('en-GB', { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
          const lines: string[] = [];
          if (d?.actual !== undefined) lines.push(`Units sold: <b>${fmt(d.actual)}</b>`);
          if (d?.point !== undefined) {
            lines.push(`Forecast: <b>${fmt(d.point)}</b>`);
            lines.push(`<span style="color:#6b7280">80 %: ${fmt(d.l80!)} – ${fmt(d.u80!)}<br/>95 %: ${fmt(d.l95!)} – ${fmt(d.u95!)}</span>`);
          }
          const p = peakDates.get(date);
          if (p) lines.push(`<span style="color:#b54708">Peak ×${p.ratio.toFixed(1)} the usual ${fmt(p.usual)}${p.event ? ` (${p.event})` : ''}</span>`);
          return `<div style="font-weight:600;margin-bottom:2px">${title}</div>${lines.join('<br/>')}`;
        },
      },
      xAxis: { type: 'time', axisLine: { lineStyle: { color: '#d1d5db' } }, axisLabel: { color: '#6b7280', hideOverlap: true }, splitLine: { show: false } },
      yAxis: { type: 'value', min: 0, axisLabel: { color: '#6b7280' }, splitLine: { lineStyle: { color: '#eef0f3' } } },
      series: [
        ...band('95 % interval', f.lower95, f.upper95, 'b95', 'rgba(29, 78, 216, 0.12)'),
        ...band('80 % interval', f.lower80, f.upper80, 'b80', 'rgba(29, 78, 216, 0.26)'),
        {
          name: 'Units sold', type: 'line', showSymbol: false, color: '#64748b', lineStyle: { width: 1.4 },
          data: histDates.map((d, i) => [d, h.values[i]]),
          markLine: { symbol: 'none', silent: true, label: { formatter: 'today', color: '#6b7280' }, lineStyle: { color: '#9ca3af', type: 'dashed' }, data: lastHistory ? [{ xAxis: lastHistory[0] }] : [] },
        },
        {
          name: 'Forecast', type: 'line', showSymbol: false, color: '#1d4ed8', lineStyle: { width: 2.2 },
          data: [...(lastHistory ? [lastHistory] : []), ...fcDates.map((d, i) => [d, f.point[i]])],
        },
        { name: 'Peak', type: 'scatter', color: '#ea580c', symbolSize: 9, tooltip: { show: false }, data: peaks },
      ],
    });
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(el);
    return () => {
      observer.disconnect();
      chart.dispose();
    };
  }, [series]);

  return <div ref={ref} className="chart" style={{ height }} data-testid="forecast-chart" />;
}
