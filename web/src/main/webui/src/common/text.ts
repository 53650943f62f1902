/**
 * Length limits counted as the server counts them: Java's String.length(), i.e. UTF-16 code units
 * (also what the browser's maxlength attribute counts). An emoji outside the BMP counts as 2.
 */
export function textLength(value: string | null | undefined): number {
  return value ? value.length : 0
}

export interface CharCount {
  used: number
  max: number
  remaining: number
  over: boolean
}

export function countChars(value: string | null | undefined, max: number): CharCount {
  const used = textLength(value)
  return { used, max, remaining: max - used, over: used > max }
}
