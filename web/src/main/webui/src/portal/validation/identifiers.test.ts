import { describe, expect, it } from 'vitest'
import {
  checkCreditCodeAsTyped,
  checkIdNumberAsTyped,
  checkMobileAsTyped,
  isValidCreditCode,
  isValidIdNumber,
  isValidMobile,
} from './identifiers'

// The examples are those of complaint-intake's PersonalDataTest, so both sides agree.
describe('resident ID number (GB 11643-1999)', () => {
  it('accepts numbers with the right check character', () => {
    expect(isValidIdNumber('11010519491231002X')).toBe(true)
    expect(isValidIdNumber('11010519491231002x')).toBe(true)
    expect(isValidIdNumber('440524188001010014')).toBe(true)
  })

  it('rejects a wrong check character or shape', () => {
    expect(isValidIdNumber('110105194912310021')).toBe(false)
    expect(isValidIdNumber('1101051949123100')).toBe(false)
    expect(isValidIdNumber('11010519491231A02X')).toBe(false)
    expect(isValidIdNumber(null)).toBe(false)
  })

  it('reports while typing: plausible prefix, impossible character, final check', () => {
    expect(checkIdNumberAsTyped('')).toBe('empty')
    expect(checkIdNumberAsTyped('110105')).toBe('typing')
    expect(checkIdNumberAsTyped('11010A')).toBe('invalid')
    expect(checkIdNumberAsTyped('11010519491231002X')).toBe('valid')
    expect(checkIdNumberAsTyped('110105194912310021')).toBe('invalid')
    expect(checkIdNumberAsTyped('11010519491231002X1')).toBe('invalid')
  })
})

describe('unified social credit code (GB 32100-2015)', () => {
  it('accepts codes with the right check character', () => {
    expect(isValidCreditCode('91350100M000100Y43')).toBe(true)
    expect(isValidCreditCode('91110000600037341L')).toBe(true)
    expect(isValidCreditCode('91110000600037341l')).toBe(true)
  })

  it('rejects a wrong check character, letters outside the alphabet and short codes', () => {
    expect(isValidCreditCode('91350100M000100Y44')).toBe(false)
    expect(isValidCreditCode('91350100I000100Y43')).toBe(false)
    expect(isValidCreditCode('9135')).toBe(false)
    expect(isValidCreditCode(undefined)).toBe(false)
  })

  it('reports while typing', () => {
    expect(checkCreditCodeAsTyped('9135')).toBe('typing')
    expect(checkCreditCodeAsTyped('91350100I')).toBe('invalid')
    expect(checkCreditCodeAsTyped('91350100M000100Y43')).toBe('valid')
    expect(checkCreditCodeAsTyped('91350100M000100Y44')).toBe('invalid')
  })
})

describe('mobile number', () => {
  it('accepts mainland mobiles and rejects others', () => {
    expect(isValidMobile('13812341234')).toBe(true)
    expect(isValidMobile('12812341234')).toBe(false)
    expect(checkMobileAsTyped('138')).toBe('typing')
    expect(checkMobileAsTyped('128')).toBe('invalid')
    expect(checkMobileAsTyped('13812341234')).toBe('valid')
  })
})
