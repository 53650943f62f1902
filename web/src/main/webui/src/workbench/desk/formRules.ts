import type { FormItemRule } from 'element-plus'
import { countChars } from '@/common/text'
import type { Translate } from './problems'

/** Element Plus rules the desk forms share; the services check the same things again. */

export function required(message: string): FormItemRule {
  return {
    required: true,
    trigger: ['blur', 'change'],
    validator: (_r, value: unknown, cb) => (String(value ?? '').trim() === '' ? cb(new Error(message)) : cb()),
  }
}

/** `required` with the desks' sentence that names the field (`labelKey`: the field's label). */
export function requiredField(t: Translate, labelKey: string): FormItemRule {
  return required(t('desk.validation.required', { field: t(labelKey) }))
}

export function maxChars(max: number, message: string): FormItemRule {
  return {
    trigger: ['change', 'blur'],
    validator: (_r, value: string, cb) => (countChars(value, max).over ? cb(new Error(message)) : cb()),
  }
}

/** The value, when given, must match. */
export function matches(pattern: RegExp, message: string, trigger: 'blur' | 'change' = 'blur'): FormItemRule {
  return {
    trigger,
    validator: (_r, value: unknown, cb) => {
      const v = String(value ?? '').trim()
      return v !== '' && !pattern.test(v) ? cb(new Error(message)) : cb()
    },
  }
}

/** A check "as typed" (identifiers.ts): invalid at once, incomplete only when the field is left. */
export function asTyped(check: (v: string) => string, invalid: string, incomplete: string): FormItemRule[] {
  return [
    {
      trigger: 'change',
      validator: (_r, value: string, cb) => (check(value?.trim() ?? '') === 'invalid' ? cb(new Error(invalid)) : cb()),
    },
    {
      trigger: 'blur',
      validator: (_r, value: string, cb) => {
        const state = check(value?.trim() ?? '')
        if (state === 'invalid') return cb(new Error(invalid))
        if (state === 'typing') return cb(new Error(incomplete))
        cb()
      },
    },
  ]
}

export function custom(check: (value: unknown) => string | null, trigger: 'blur' | 'change' = 'change'): FormItemRule {
  return {
    trigger,
    validator: (_r, value: unknown, cb) => {
      const message = check(value)
      return message ? cb(new Error(message)) : cb()
    },
  }
}
