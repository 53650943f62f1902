// ECharts with only what the statistics page draws; imported lazily by StatsChart, so no other page loads it.
import { init, use } from 'echarts/core'
import { BarChart, LineChart } from 'echarts/charts'
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components'
import { CanvasRenderer } from 'echarts/renderers'

use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, AriaComponent, CanvasRenderer])

export { init }
export type { ComposeOption } from 'echarts/core'
export type { BarSeriesOption, LineSeriesOption } from 'echarts/charts'
export type {
  GridComponentOption,
  LegendComponentOption,
  TooltipComponentOption,
  AriaComponentOption,
} from 'echarts/components'
