import type { ComposeOption } from 'echarts/core'
import type { BarSeriesOption, HeatmapSeriesOption, LineSeriesOption, PieSeriesOption } from 'echarts/charts'
import type {
  AriaComponentOption,
  GridComponentOption,
  LegendComponentOption,
  TooltipComponentOption,
  VisualMapComponentOption,
} from 'echarts/components'

/** The option of an oversight chart (types only: nothing of ECharts is loaded by importing this). */
export type OvChartOption = ComposeOption<
  | BarSeriesOption
  | LineSeriesOption
  | PieSeriesOption
  | HeatmapSeriesOption
  | GridComponentOption
  | LegendComponentOption
  | TooltipComponentOption
  | VisualMapComponentOption
  | AriaComponentOption
>

/** Colours with enough contrast on white, told apart without colour vision (with labels and the table view). */
export const OV_PALETTE = ['#1d4ed8', '#b3261e', '#23722a', '#8a5300', '#6d28d9', '#0e7490', '#be185d', '#4e5561']
