import type { ArbitrationCase, DispatchRequest, MatrixRow, QueuedCase, RulingRequest } from '@/api/desk'

/**
 * A dispatcher's or coordinator's choice of units (人工派单, 仲裁, 指定承办): optionally a matrix row, which fills in
 * category, lead and co-units; then any lead and co-units from the unit list, and the reason.
 */
export interface DecisionDraft {
  rowId: number | null
  category: string
  lead: string
  coHandlers: string[]
  reason: string
  /** Why a case flagged as possible misconduct goes to another unit than the discipline commission. */
  misconductConfirmation: string
}

export function emptyDecision(): DecisionDraft {
  return { rowId: null, category: '', lead: '', coHandlers: [], reason: '', misconductConfirmation: '' }
}

/**
 * A case the misconduct guard flagged (疑似涉及工作人员作风问题) that a dispatcher or coordinator sends to (or leaves with)
 * another unit than the discipline commission: the service wants a confirmation with a reason.
 */
export function needsMisconductConfirmation(
  item: Pick<QueuedCase | ArbitrationCase, 'misconductLevel' | 'misconductLead'> | null,
  lead: string,
): boolean {
  return !!item?.misconductLevel && !!lead && lead !== item.misconductLead
}

/** The guard's evidence, one item per cue or wording (the service joins them with 、 outside the quotes). */
export function misconductEvidence(evidence: string | null | undefined): string[] {
  if (!evidence) return []
  return evidence.split(/(?<=」)、/).map((e) => e.trim()).filter(Boolean)
}

/** The row routing would use for a category in a district: the district's own row beats the city-wide one. */
export function rowFor(rows: readonly MatrixRow[], category: string, district: string | null | undefined): MatrixRow | null {
  const ofCategory = rows.filter((r) => r.category === category)
  return ofCategory.find((r) => district && r.scope === district) ?? ofCategory.find((r) => r.scope === 'city') ?? null
}

/** Takes a row's category, lead and co-units (without units that may not take part). */
export function applyRow(draft: DecisionDraft, row: MatrixRow, excluded: readonly string[] = []): DecisionDraft {
  return {
    ...draft,
    rowId: row.id,
    category: row.category,
    lead: excluded.includes(row.lead) ? '' : row.lead,
    coHandlers: row.coHandlers.filter((c) => c !== row.lead && !excluded.includes(c)),
  }
}

/**
 * Another lead than the chosen row's: the row, its category and its co-units no longer describe the decision, so
 * they go (the server then takes the lead's own row); a lead that matches the row, or no row, keeps everything.
 */
export function changeLead(draft: DecisionDraft, lead: string, rows: readonly MatrixRow[]): DecisionDraft {
  const row = rows.find((r) => r.id === draft.rowId)
  if (!row || row.lead === lead) return { ...draft, lead }
  const fromRow = new Set(row.coHandlers)
  return {
    ...draft,
    lead,
    rowId: null,
    category: draft.category === row.category ? '' : draft.category,
    coHandlers: draft.coHandlers.filter((c) => !fromRow.has(c) && c !== lead),
  }
}

function coUnits(d: DecisionDraft): string[] {
  return [...new Set(d.coHandlers.filter((c) => c && c !== d.lead))].slice(0, 10)
}

export function buildDispatchRequest(d: DecisionDraft, confirm = false): DispatchRequest {
  const request: DispatchRequest = {
    category: d.category || undefined,
    lead: d.lead,
    coHandlers: coUnits(d),
    reason: d.reason.trim(),
  }
  if (confirm) request.misconductConfirmation = d.misconductConfirmation.trim()
  return request
}

/**
 * Upheld: the case goes to the chosen lead. Rejected (improper return): back to the unit that returned it. `confirm`:
 * the case is flagged as possible misconduct and stays with another unit than the discipline commission.
 */
export function buildRulingRequest(upheld: boolean, d: DecisionDraft, confirm = false): RulingRequest {
  const request: RulingRequest = upheld
    ? { upheld: true, category: d.category || undefined, lead: d.lead, coHandlers: coUnits(d), reason: d.reason.trim() }
    : { upheld: false, reason: d.reason.trim() }
  if (confirm) request.misconductConfirmation = d.misconductConfirmation.trim()
  return request
}

/**
 * The unit an arbitration decision leaves the case with: the designated or new lead, or — a rejected return — the unit
 * that returned it ('' while undecided).
 */
export function arbitrationLead(
  mode: 'ruling' | 'designation',
  upheld: 'yes' | 'no' | '',
  lead: string,
  returnedBy: string | null,
): string {
  if (mode === 'designation' || upheld === 'yes') return lead
  return upheld === 'no' ? (returnedBy ?? '') : ''
}

/** Server field paths of a decision → the form's items. */
export function decisionField(field: string): string {
  if (field.startsWith('coHandlers')) return 'coHandlers'
  if (field === 'upheld') return 'reason'
  return field
}
