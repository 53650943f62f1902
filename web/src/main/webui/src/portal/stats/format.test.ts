import { describe, expect, it } from 'vitest'
import { percent, rateValue } from './format'

describe('rates', () => {
  it('shows a rate with one decimal and no rate when the denominator was 0', () => {
    expect(percent(0.9345)).toBe('93.5%')
    expect(percent(1)).toBe('100.0%')
    expect(percent(null)).toBeNull()
    expect(rateValue({ numerator: 45, denominator: 48, rate: 0.9375 })).toBe(93.8)
    expect(rateValue({ numerator: 0, denominator: 0, rate: null })).toBeNull()
  })
})
