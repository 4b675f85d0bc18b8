// SPDX-License-Identifier: EUPL-1.2
/**
 * A broken business rule. Thrown (or, for validation, returned) by the pure rules in `core/`.
 *
 * - `code` is stable and machine-readable (English, snake_case); clients and the server switch on it.
 * - `message` is Dutch, names the rule and, where it helps, the amounts involved.
 * - `details` carries the facts behind the message (amounts in cents, roles, statuses), plain JSON.
 *
 * The server maps these to application/problem+json: 403 for `mandate_exceeded` and
 * `capability_missing` (see {@link FORBIDDEN_RULE_CODES}), 422 for everything else.
 */

export type RuleViolationCode =
  // money
  | 'amount_invalid'
  | 'amount_not_positive'
  | 'amount_negative'
  | 'amount_fractional_cents'
  | 'amount_above_ceiling'
  | 'amount_unparseable'
  | 'shares_invalid'
  | 'percentage_invalid'
  // ledger
  | 'budget_insufficient'
  | 'budget_closed'
  | 'reservation_insufficient'
  | 'release_exceeds_paid'
  | 'pledge_insufficient'
  | 'correction_reason_required'
  | 'reference_required'
  | 'entry_invalid'
  // rules, applications and mandates
  | 'rules_invalid'
  | 'no_rules_in_force'
  | 'amount_below_rule_minimum'
  | 'amount_above_rule_maximum'
  | 'purpose_not_eligible'
  | 'purpose_excluded'
  | 'applicant_type_not_allowed'
  | 'own_contribution_insufficient'
  | 'cofunding_insufficient'
  | 'mandate_exceeded'
  | 'mandate_missing'
  // lifecycle
  | 'transition_not_allowed'
  | 'motivation_required'
  | 'capability_missing'
  | 'granted_amount_invalid'
  // calendar
  | 'date_invalid';

export type RuleViolationDetails = Readonly<Record<string, unknown>>;

export class RuleViolation extends Error {
  override readonly name = 'RuleViolation';
  readonly code: RuleViolationCode;
  readonly details: RuleViolationDetails | undefined;

  constructor(code: RuleViolationCode, message: string, details?: RuleViolationDetails) {
    super(message);
    this.code = code;
    this.details = details;
  }

  /** Plain object for logs and problem+json bodies. */
  toJSON(): { code: RuleViolationCode; message: string; details?: RuleViolationDetails } {
    return this.details === undefined ? { code: this.code, message: this.message } : { code: this.code, message: this.message, details: this.details };
  }
}

/** Codes that mean "you may not" rather than "this is not valid": HTTP 403. */
export const FORBIDDEN_RULE_CODES: ReadonlySet<RuleViolationCode> = new Set<RuleViolationCode>(['mandate_exceeded', 'capability_missing']);

export function isRuleViolation(value: unknown): value is RuleViolation {
  return value instanceof RuleViolation;
}
