import type zh from './messages.zh-CN'
import { analysisEn } from './analysisMessages.en'
import { queuesEn } from './queuesMessages.en'

const en: typeof zh = {
  ...analysisEn,
  ...queuesEn,
}
export default en
