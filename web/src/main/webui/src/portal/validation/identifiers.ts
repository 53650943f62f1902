/**
 * The same checks as complaint-intake's PersonalData (GB 11643-1999 and GB 32100-2015), run as the user types.
 */
const MOBILE = /^1[3-9][0-9]{9}$/
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
const ID_CHECK = ['1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2']
const CREDIT_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY'
const CREDIT_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]

export function isValidMobile(mobile: string | null | undefined): boolean {
  return !!mobile && MOBILE.test(mobile)
}

/** 18-character resident ID number with a valid check character (ISO 7064 MOD 11-2). */
export function isValidIdNumber(id: string | null | undefined): boolean {
  if (!id || id.length !== 18) return false
  let sum = 0
  for (let i = 0; i < 17; i++) {
    const c = id.charCodeAt(i) - 48
    if (c < 0 || c > 9) return false
    sum += c * ID_WEIGHTS[i]
  }
  return id.charAt(17).toUpperCase() === ID_CHECK[sum % 11]
}

/** 18-character unified social credit code with a valid check character (MOD 31). */
export function isValidCreditCode(code: string | null | undefined): boolean {
  if (!code || code.length !== 18) return false
  const upper = code.toUpperCase()
  let sum = 0
  for (let i = 0; i < 17; i++) {
    const value = CREDIT_ALPHABET.indexOf(upper.charAt(i))
    if (value < 0) return false
    sum += value * CREDIT_WEIGHTS[i]
  }
  const check = (31 - (sum % 31)) % 31
  return upper.charAt(17) === CREDIT_ALPHABET.charAt(check)
}

export type PartialCheck = 'empty' | 'typing' | 'valid' | 'invalid'

/**
 * Feedback while typing: nothing for an empty field, "typing" while the value is a plausible prefix,
 * "invalid" as soon as a character can never be right (or the full length fails the check).
 */
export function checkIdNumberAsTyped(value: string): PartialCheck {
  if (!value) return 'empty'
  if (!/^[0-9]{0,17}[0-9Xx]?$/.test(value) || value.length > 18) return 'invalid'
  if (value.length < 18) return /^[0-9]*$/.test(value) ? 'typing' : 'invalid'
  return isValidIdNumber(value) ? 'valid' : 'invalid'
}

export function checkCreditCodeAsTyped(value: string): PartialCheck {
  if (!value) return 'empty'
  const upper = value.toUpperCase()
  if (value.length > 18) return 'invalid'
  for (const c of upper) if (!CREDIT_ALPHABET.includes(c)) return 'invalid'
  if (value.length < 18) return 'typing'
  return isValidCreditCode(value) ? 'valid' : 'invalid'
}

export function checkMobileAsTyped(value: string): PartialCheck {
  if (!value) return 'empty'
  if (!/^1([3-9][0-9]*)?$/.test(value) || value.length > 11) return 'invalid'
  if (value.length < 11) return 'typing'
  return isValidMobile(value) ? 'valid' : 'invalid'
}
