import type { MessageCompiler, MessageContext, MessageFunction } from 'vue-i18n'

/**
 * The application's texts use one feature of vue-i18n's message syntax: placeholders, named (`{name}`) or by
 * position (`{0}`), plus `{'…'}` for a literal. This compiler turns such a text into vue-i18n's message function in
 * one pass, so the pages need neither its full compiler nor its code on a phone (messages.test.ts checks every text
 * against this syntax).
 */
export type Part = string | { named: string } | { list: number }

const TOKEN = /\{\s*(?:([A-Za-z_$][\w$]*)|(\d+)|'([^']*)')\s*\}/g
const SPECIAL = /[{}@|]/

export function parseMessage(source: string): Part[] {
  const parts: Part[] = []
  let text = ''
  let at = 0
  for (const m of source.matchAll(TOKEN)) {
    text += source.slice(at, m.index)
    at = m.index + m[0].length
    if (m[3] !== undefined) {
      text += m[3]
      continue
    }
    if (text) parts.push(text)
    text = ''
    parts.push(m[1] !== undefined ? { named: m[1] } : { list: Number(m[2]) })
  }
  text += source.slice(at)
  if (text || parts.length === 0) parts.push(text)
  return parts
}

/** Why a text cannot be compiled here (vue-i18n's plural `|`, linked `@:` or a stray brace), or undefined. */
export function unsupportedSyntax(source: string): string | undefined {
  const rest = source.replace(TOKEN, '')
  const bad = SPECIAL.exec(rest)
  return bad ? `'${bad[0]}' at ${bad.index} in "${source}"` : undefined
}

/** What vue-i18n's own compiled messages call: joining the parts (text or, for `<i18n-t>`, nodes) and showing a value. */
type RenderingContext = MessageContext<string> & {
  normalize(values: unknown[]): string
  interpolate(value: unknown): unknown
}

/**
 * vue-i18n caches compiled texts only inside its own compiler and asks a custom one again on every translation:
 * the parts of each text are kept here (the application's texts are a bounded set). The function itself is new
 * each time, since vue-i18n marks it with the key and locale it was asked for.
 */
const parsed = new Map<string, Part[]>()

export const compileMessage: MessageCompiler = (message) => {
  if (typeof message !== 'string') throw new TypeError('only text messages are compiled here')
  let parts = parsed.get(message)
  if (!parts) {
    parts = parseMessage(message)
    parsed.set(message, parts)
  }
  const textParts = parts
  const fn = (ctx: RenderingContext) =>
    ctx.normalize(
      textParts.map((p) =>
        typeof p === 'string' ? p : ctx.interpolate('named' in p ? ctx.named(p.named) : ctx.list(p.list)),
      ),
    )
  return fn as unknown as MessageFunction<string>
}
