import type { NamedCode } from '@/api/types'

/** Code → name index of a reference list. */
export function nameIndex(list: readonly NamedCode[] | null | undefined): Map<string, NamedCode> {
  const map = new Map<string, NamedCode>()
  for (const n of list ?? []) if (n && n.code) map.set(n.code, n)
  return map
}

/** The name of a code in the user's language (Chinese when there is no English name), or the code itself. */
export function nameOf(index: Map<string, NamedCode>, code: string | null | undefined, english: boolean): string {
  if (!code) return ''
  const n = index.get(code)
  if (!n) return code
  return english && n.nameEn ? n.nameEn : n.name
}

/** Several codes as one line of names ("市财政局、市工信局"). */
export function namesOf(
  index: Map<string, NamedCode>,
  codes: readonly string[] | null | undefined,
  english: boolean,
): string {
  return (codes ?? []).map((c) => nameOf(index, c, english)).join(english ? ', ' : '、')
}
