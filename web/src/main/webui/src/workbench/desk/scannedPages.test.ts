import { describe, expect, it } from 'vitest'
import type { AttachmentLimits } from '@/api/types'
import { checkPages, move, pageNamedIn, previewKind, sniffType, type PageFacts } from './scannedPages'

const MB = 1024 * 1024
const limits: AttachmentLimits = {
  maxFiles: 3,
  maxBytes: 5 * MB,
  maxTotalBytes: 8 * MB,
  mediaTypes: ['image/jpeg', 'image/png', 'application/pdf'],
}
const page = (over: Partial<PageFacts> = {}): PageFacts => ({
  name: 'p.pdf',
  size: MB,
  declared: 'application/pdf',
  sniffed: 'application/pdf',
  ...over,
})

describe('sniffType', () => {
  it('knows PDF, JPEG and PNG by their first bytes', () => {
    expect(sniffType(new TextEncoder().encode('%PDF-1.7'))).toBe('application/pdf')
    expect(sniffType(new Uint8Array([0xff, 0xd8, 0xff, 0xe0]))).toBe('image/jpeg')
    expect(sniffType(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe('image/png')
  })

  it('knows nothing else, nor a truncated header', () => {
    expect(sniffType(new TextEncoder().encode('GIF89a'))).toBeNull()
    expect(sniffType(new Uint8Array([0x89, 0x50, 0x4e, 0x47]))).toBeNull()
    expect(sniffType(new Uint8Array())).toBeNull()
  })
})

describe('checkPages', () => {
  it('accepts PDF, JPEG and PNG within the limits', () => {
    expect(
      checkPages([page(), page({ declared: 'image/jpeg', sniffed: 'image/jpeg' }), page({ declared: 'image/png', sniffed: 'image/png' })], limits),
    ).toEqual([null, null, null])
  })

  it('refuses a file too large, an empty file, and files beyond the count', () => {
    const result = checkPages([page({ size: 6 * MB }), page({ size: 0 }), page(), page()], limits)
    expect(result).toEqual([{ kind: 'size', max: 5 * MB }, { kind: 'empty' }, null, { kind: 'count', max: 3 }])
  })

  it('refuses the file that takes the total over the limit, not the ones before', () => {
    const result = checkPages([page({ size: 4 * MB }), page({ size: 4 * MB }), page({ size: 1 })], limits)
    expect(result).toEqual([null, null, { kind: 'total', max: 8 * MB }])
  })

  it('refuses other types, by declaration or by content', () => {
    expect(checkPages([page({ declared: 'image/gif', sniffed: null })], limits)).toEqual([{ kind: 'type' }])
    expect(checkPages([page({ declared: '', sniffed: null })], limits)).toEqual([{ kind: 'type' }])
    expect(checkPages([page({ declared: 'application/msword' })], limits)).toEqual([{ kind: 'type' }])
  })

  it('refuses a file whose declared type contradicts its content, as the service does', () => {
    expect(checkPages([page({ name: 'scan.jpg', declared: 'image/jpeg', sniffed: 'image/png' })], limits)).toEqual([
      { kind: 'mismatch', declared: 'image/jpeg', actual: 'image/png' },
    ])
  })

  it('judges by content alone when the browser does not know the type, and accepts image/jpg', () => {
    expect(checkPages([page({ declared: '', sniffed: 'image/png' })], limits)).toEqual([null])
    expect(checkPages([page({ declared: 'image/jpg', sniffed: 'image/jpeg' })], limits)).toEqual([null])
  })

  it('does not judge the content before it was read', () => {
    expect(checkPages([page({ sniffed: undefined })], limits)).toEqual([null])
  })
})

describe('move, preview and server messages', () => {
  it('moves an item up and down, clamped', () => {
    expect(move(['a', 'b', 'c'], 2, 0)).toEqual(['c', 'a', 'b'])
    expect(move(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c'])
    expect(move(['a', 'b', 'c'], 0, 9)).toEqual(['b', 'c', 'a'])
    expect(move(['a', 'b'], 5, 0)).toEqual(['a', 'b'])
  })

  it('previews images as pictures and PDFs as PDFs', () => {
    expect(previewKind(page())).toBe('pdf')
    expect(previewKind(page({ declared: 'image/png', sniffed: undefined }))).toBe('image')
    expect(previewKind(page({ declared: 'text/plain', sniffed: null }))).toBe('none')
  })

  it("finds the page a problem's detail names, the longest name first", () => {
    const names = ['scan.pdf', 'scan.pdf.pdf', '第二页.png']
    expect(pageNamedIn('scan.pdf.pdf has 6291456 bytes, at most 5242880', names)).toBe(1)
    expect(pageNamedIn('第二页.png was sent as image/png but is application/pdf', names)).toBe(2)
    expect(pageNamedIn('more than 15728640 bytes in all', names)).toBe(-1)
    expect(pageNamedIn(null, names)).toBe(-1)
  })
})
