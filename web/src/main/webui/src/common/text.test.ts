import { describe, expect, it } from 'vitest'
import { countChars, textLength } from './text'

describe('character counting', () => {
  it('counts Chinese characters one each, as the server does', () => {
    expect(textLength('营商环境')).toBe(4)
    expect(countChars('营商环境', 200)).toEqual({ used: 4, max: 200, remaining: 196, over: false })
  })

  it('counts an emoji outside the BMP as two, like Java String.length()', () => {
    expect(textLength('好😀')).toBe(3)
  })

  it('treats a missing value as empty and flags text over the limit', () => {
    expect(countChars(undefined, 5)).toEqual({ used: 0, max: 5, remaining: 5, over: false })
    expect(countChars('x'.repeat(5001), 5000).over).toBe(true)
    expect(countChars('x'.repeat(5000), 5000).over).toBe(false)
  })
})
