/** Texts of the supervisor pages (keys `sup.*`). */
import { analysisZh } from './analysisMessages.zh-CN'
import { queuesZh } from './queuesMessages.zh-CN'

export default {
  ...analysisZh,
  ...queuesZh,
}
