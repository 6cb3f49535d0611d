/** Orders per day as an ECharts line chart; only the parts used are imported to keep the bundle small. */
import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export interface DailyOrders {
  date: string;
  orders: number;
  units: number;
}

/** Days without orders are missing from the API answer; they are zeros on the chart. */
function fillDays(days: DailyOrders[]): DailyOrders[] {
  if (days.length < 2) return days;
  const byDate = new Map(days.map((d) => [d.date, d]));
  const out: DailyOrders[] = [];
  const end = Date.parse(`${days[days.length - 1].date}T00:00:00Z`);
  for (let t = Date.parse(`${days[0].date}T00:00:00Z`); t <= end; t += 86_400_000) {
    const date = new Date(t).toISOString().slice(0, 10);
    out.push(byDate.get(date) ?? { date, orders: 0, units: 0 });
  }
  return out;
}

function movingAverage(values: number[], window: number): (number | null)[] {
  let sum = 0;
  return values.map((v, i) => {
    sum += v;
    if (i >= window) sum -= values[i - window];
    return i >= window - 1 ? Math.round((sum / window) * 10) / 10 : null;
  });
}

export function OrdersChart({ days, height = 280 }: { days: DailyOrders[]; height?: number }) {
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const chart = echarts.init(el, undefined, { renderer: 'canvas' });
    const filled = [...days].sort((a, b) => a.date.localeCompare(b.date));
    const series = fillDays(filled);
    const avg = movingAverage(series.map((d) => d.orders), 7);
    const byDate = new Map(series.map((d) => [d.date, d]));
    chart.setOption({
      animation: false,
      color: ['#93b4f0', '#1d4ed8'],
      textStyle: { fontFamily: 'inherit' },
      grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
      legend: { top: 0, right: 0, itemWidth: 14, itemHeight: 8, textStyle: { color: '#4b5563' } },
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'line' },
        formatter: (params: unknown) => {
          const rows = params as { value: [string, number | null]; marker: string; seriesName: string }[];
          if (!rows.length) return '';
          const day = new Date(`${rows[0].value[0]}T00:00:00Z`).toLocaleDateString('en-GB', { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
          const lines = rows.filter((r) => r.value[1] !== null).map((r) => `${r.marker}${r.seriesName}: <b>${r.value[1]}</b>`);
          const units = byDate.get(rows[0].value[0])?.units;
          if (units !== undefined) lines.push(`<span style="color:#6b7280">Units: ${units}</span>`);
          return `<div style="font-weight:600;margin-bottom:2px">${day}</div>${lines.join('<br/>')}`;
        },
      },
      xAxis: {
        type: 'time',
        axisLine: { lineStyle: { color: '#d1d5db' } },
        axisLabel: { color: '#6b7280', hideOverlap: true },
        splitLine: { show: false },
      },
      yAxis: {
        type: 'value',
        minInterval: 1,
        axisLabel: { color: '#6b7280' },
        splitLine: { lineStyle: { color: '#eef0f3' } },
      },
      series: [
        {
          name: 'Orders per day',
          type: 'line',
          showSymbol: false,
          lineStyle: { width: 1 },
          areaStyle: { opacity: 0.18 },
          data: series.map((d) => [d.date, d.orders]),
        },
        {
          name: '7-day average',
          type: 'line',
          showSymbol: false,
          smooth: true,
          lineStyle: { width: 2.2 },
          data: series.map((d, i) => [d.date, avg[i]]),
        },
      ],
    });
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(el);
    return () => {
      observer.disconnect();
      chart.dispose();
    };
  }, [days]);

  return <div ref={ref} className="chart" style={{ height }} data-testid="orders-chart" />;
}
