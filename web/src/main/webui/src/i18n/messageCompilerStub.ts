/**
 * Stands in for `@intlify/message-compiler` in the build (vite.config.ts): vue-i18n's core imports its parser for
 * texts compiled at run time, but every text here is compiled by `compileMessage` (./compile.ts, passed to
 * createI18n), so the parser is never called. The other exports keep their behaviour (error objects, HTML detection).
 */
export const CompileErrorCodes = {
  EXPECTED_TOKEN: 1,
  INVALID_TOKEN_IN_PLACEHOLDER: 2,
  UNTERMINATED_SINGLE_QUOTE_IN_PLACEHOLDER: 3,
  UNKNOWN_ESCAPE_SEQUENCE: 4,
  INVALID_UNICODE_ESCAPE_SEQUENCE: 5,
  UNBALANCED_CLOSING_BRACE: 6,
  UNTERMINATED_CLOSING_BRACE: 7,
  EMPTY_PLACEHOLDER: 8,
  NOT_ALLOW_NEST_PLACEHOLDER: 9,
  INVALID_LINKED_FORMAT: 10,
  MUST_HAVE_MESSAGES_IN_PLURAL: 11,
  UNEXPECTED_EMPTY_LINKED_MODIFIER: 12,
  UNEXPECTED_EMPTY_LINKED_KEY: 13,
  UNEXPECTED_LEXICAL_ANALYSIS: 14,
  UNHANDLED_CODEGEN_NODE_TYPE: 15,
  UNHANDLED_MINIFIER_NODE_TYPE: 16,
} as const
export const COMPILE_ERROR_CODES_EXTEND_POINT = 17

export function createCompileError(
  code: number,
  loc?: unknown,
  options: { domain?: string } = {},
): SyntaxError & { code: number; location?: unknown; domain?: string } {
  const error = new SyntaxError(String(code)) as SyntaxError & { code: number; location?: unknown; domain?: string }
  error.code = code
  if (loc) error.location = loc
  error.domain = options.domain
  return error
}

export function defaultOnError(error: Error): never {
  throw error
}

const RE_HTML_TAG = /<\/?[\w\s="/.':;#-/]+>/
export const detectHtmlTag = (source: string) => RE_HTML_TAG.test(source)

export function baseCompile(): never {
  throw new Error('texts are compiled by compileMessage (src/i18n/compile.ts)')
}
