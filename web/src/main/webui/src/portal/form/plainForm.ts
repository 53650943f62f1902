import { computed, inject, provide, reactive, type ComputedRef, type InjectionKey } from 'vue'

/**
 * A form's fields and their rules without Element Plus's form (and its async-validator): each field checks its own
 * rules when its control changes or is left, and the form checks them all on submit. The markup and classes are
 * Element Plus's look (plain.css), the behaviour that of `el-form` / `el-form-item` with `label-position="top"`.
 */
export type Trigger = 'change' | 'blur'

/** One rule: the message when the value breaks it, else undefined. Without a trigger it applies on both. */
export interface Rule {
  trigger?: Trigger | Trigger[]
  /** Marks the field as required (the asterisk after its label). */
  required?: boolean
  check: (value: unknown) => string | undefined
}

export interface FieldState {
  /** The message of the first broken rule since the field was last checked, '' when it passed. */
  message: string
}

export interface FieldContext {
  inputId: string
  labelId: string
  errorId: string
  /** An error is shown (a broken rule or the server's). */
  invalid: ComputedRef<boolean>
  validate(trigger: Trigger): void
}

interface RegisteredField {
  validate(trigger?: Trigger): boolean
  reset(): void
}

interface FormContext {
  model: object
  register(field: RegisteredField): () => void
}

const FORM: InjectionKey<FormContext> = Symbol('plain-form')
const FIELD: InjectionKey<FieldContext> = Symbol('plain-field')

/** Reads `complainant.name` from the model. */
export function valueAt(model: object, path: string): unknown {
  let value: unknown = model
  for (const key of path.split('.')) value = value == null ? undefined : (value as Record<string, unknown>)[key]
  return value
}

const applies = (rule: Rule, trigger?: Trigger) =>
  !trigger || !rule.trigger || (Array.isArray(rule.trigger) ? rule.trigger.includes(trigger) : rule.trigger === trigger)

/** The first message of the rules that apply to the trigger (all of them without one). */
export function firstBroken(rules: readonly Rule[], value: unknown, trigger?: Trigger): string {
  for (const rule of rules) {
    if (!applies(rule, trigger)) continue
    const message = rule.check(value)
    if (message) return message
  }
  return ''
}

/** Makes the calling component a form over `model`; returns the submit-time check of every field. */
export function usePlainForm(model: object) {
  const fields = new Set<RegisteredField>()
  provide(FORM, {
    model,
    register(field) {
      fields.add(field)
      return () => fields.delete(field)
    },
  })
  return {
    /** Checks every field shown; true when all pass. */
    validate(): boolean {
      let valid = true
      for (const field of fields) valid = field.validate() && valid
      return valid
    },
    reset() {
      for (const field of fields) field.reset()
    },
  }
}

let sequence = 0

/** For PlainField: registers the field with its form and provides its context to the control inside. */
export function provideField(options: {
  prop: () => string | undefined
  rules: () => readonly Rule[]
  serverError: () => string | undefined
  id: () => string | undefined
}) {
  const form = inject(FORM, undefined)
  const n = ++sequence
  const state = reactive<FieldState>({ message: '' })
  const inputId = options.id() ?? `field-${n}`
  const shownError = computed(() => options.serverError() || state.message)
  const check = (trigger?: Trigger) => {
    const prop = options.prop()
    const rules = options.rules()
    if (!form || !prop || rules.length === 0) return true
    state.message = firstBroken(rules, valueAt(form.model, prop), trigger)
    return state.message === ''
  }
  const context: FieldContext = {
    inputId,
    labelId: `${inputId}-label`,
    errorId: `${inputId}-error`,
    invalid: computed(() => shownError.value !== ''),
    validate: (trigger) => void check(trigger),
  }
  provide(FIELD, context)
  const unregister = form?.register({
    validate: (trigger) => check(trigger) && !options.serverError(),
    reset: () => (state.message = ''),
  })
  return { context, shownError, unregister }
}

/** For the controls inside a PlainField: its ids and checks, or undefined outside one. */
export function useField(): FieldContext | undefined {
  return inject(FIELD, undefined)
}

// --- rules used by the portal's forms ---

export const required = (message: string): Rule => ({
  required: true,
  trigger: ['blur', 'change'],
  check: (value) => (String(value ?? '').trim() === '' ? message : undefined),
})

export const rule = (trigger: Trigger | Trigger[], check: (value: string) => string | undefined): Rule => ({
  trigger,
  check: (value) => check(String(value ?? '')),
})
