import type { AttachmentLimits } from '@/api/types'

/**
 * A letter's scanned pages, checked in the browser before anything is sent, as complaint-intake checks them: PDF,
 * JPEG or PNG by the first bytes (a declared type must agree), not empty, each at most `maxBytes`, together at most
 * `maxTotalBytes`, at most `maxFiles` files.
 */

export const PDF = 'application/pdf'
export const JPEG = 'image/jpeg'
export const PNG = 'image/png'
export type PageType = typeof PDF | typeof JPEG | typeof PNG

/** What the first bytes say the file is, or null for anything else. */
export function sniffType(head: Uint8Array): PageType | null {
  if (head.length >= 4 && head[0] === 0x25 && head[1] === 0x50 && head[2] === 0x44 && head[3] === 0x46) return PDF
  if (head.length >= 3 && head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return JPEG
  if (
    head.length >= 8 &&
    head[0] === 0x89 &&
    head[1] === 0x50 &&
    head[2] === 0x4e &&
    head[3] === 0x47 &&
    head[4] === 0x0d &&
    head[5] === 0x0a &&
    head[6] === 0x1a &&
    head[7] === 0x0a
  )
    return PNG
  return null
}

/** A page chosen in the browser: the file, its object URL for the preview, and what its first bytes say. */
export interface ScannedPage {
  id: number
  file: File
  url: string
  sniffed?: PageType | null
}

/** Declared types the service accepts (it then checks them against the content). */
const DECLARABLE = new Set([PDF, JPEG, PNG, 'image/jpg', 'application/octet-stream', ''])

export type PageError =
  | { kind: 'type' }
  | { kind: 'mismatch'; declared: string; actual: PageType }
  | { kind: 'empty' }
  | { kind: 'size'; max: number }
  | { kind: 'total'; max: number }
  | { kind: 'count'; max: number }

export interface PageFacts {
  name: string
  size: number
  /** The browser's declared type ('' when it does not know). */
  declared: string
  /** From the first bytes; undefined while not read yet. */
  sniffed?: PageType | null
}

/** The first reason each page would be refused (null: fine), in their order, as the service checks them. */
export function checkPages(pages: readonly PageFacts[], limits: AttachmentLimits): (PageError | null)[] {
  let total = 0
  return pages.map((p, i) => {
    if (i >= limits.maxFiles) return { kind: 'count', max: limits.maxFiles }
    if (p.size > limits.maxBytes) return { kind: 'size', max: limits.maxBytes }
    total += p.size
    if (limits.maxTotalBytes && total > limits.maxTotalBytes) return { kind: 'total', max: limits.maxTotalBytes }
    if (p.size === 0) return { kind: 'empty' }
    const declared = p.declared.toLowerCase()
    if (!DECLARABLE.has(declared)) return { kind: 'type' }
    if (p.sniffed === null) return { kind: 'type' }
    if (p.sniffed) {
      const normalised = declared === 'image/jpg' ? JPEG : declared
      if (normalised !== '' && normalised !== 'application/octet-stream' && normalised !== p.sniffed) {
        return { kind: 'mismatch', declared, actual: p.sniffed }
      }
      if (!limits.mediaTypes.includes(p.sniffed)) return { kind: 'type' }
    }
    return null
  })
}

/** The list with the item at `from` moved to `to` (both clamped); a new array. */
export function move<T>(items: readonly T[], from: number, to: number): T[] {
  const next = [...items]
  if (from < 0 || from >= next.length) return next
  const target = Math.max(0, Math.min(next.length - 1, to))
  const [item] = next.splice(from, 1)
  next.splice(target, 0, item)
  return next
}

/** The type a page is previewed as: the sniffed one, else the declared one. */
export function previewKind(p: PageFacts): 'image' | 'pdf' | 'none' {
  const t = p.sniffed ?? p.declared
  if (t === PDF) return 'pdf'
  if (t === JPEG || t === PNG || t === 'image/jpg') return 'image'
  return 'none'
}

/**
 * Which page a letter's 413/415/400 problem is about: the service names the file in the problem's `detail`
 * ("scan-2.pdf has 6291456 bytes, at most 5242880") but gives no field for it. The longest matching name wins.
 */
export function pageNamedIn(detail: string | null, names: readonly string[]): number {
  if (!detail) return -1
  let best = -1
  names.forEach((n, i) => {
    if (n && detail.startsWith(n + ' ') && (best < 0 || n.length > names[best].length)) best = i
  })
  return best
}
