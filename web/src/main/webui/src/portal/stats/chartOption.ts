import type {
  AriaComponentOption,
  BarSeriesOption,
  ComposeOption,
  GridComponentOption,
  LegendComponentOption,
  LineSeriesOption,
  TooltipComponentOption,
} from './echarts'

export type ChartOption = ComposeOption<
  | BarSeriesOption
  | LineSeriesOption
  | GridComponentOption
  | LegendComponentOption
  | TooltipComponentOption
  | AriaComponentOption
>

/** Colours with enough contrast on white, distinguishable without colour vision (bars + line + labels). */
export const PALETTE = ['#1d4ed8', '#b3261e', '#23722a', '#8a5300', '#6d28d9', '#0e7490', '#be185d', '#4e5561']
