import { ConnectorError } from '../errors.ts'
import { networkLabel } from '../../../platform/shared/network-names.ts'
import type { CollectableNetwork } from '../../../platform/shared/network-names.ts'

/**
 * What one workspace may spend on the networks in one scheduled fire: a deadline and a number of
 * requests, shared by all its sources. One slow or hostile source then delays nobody else by more
 * than its own workspace's budget, and the scheduler moves on.
 */
export interface FireBudget {
  readonly deadlineAt: number
  requestsLeft: number
  /** Aborted at the deadline: a request held open by a server is cut there. */
  readonly signal: AbortSignal
}

export function createFireBudget(limits: { ms: number; requests: number }, now = Date.now()): FireBudget {
  return { deadlineAt: now + limits.ms, requestsLeft: limits.requests, signal: AbortSignal.timeout(limits.ms) }
}

/** The budget is spent: this search stops here for this fire; its checkpoint keeps what was done. */
export class BudgetSpentError extends ConnectorError {
  override readonly name: string = 'BudgetSpentError'
  constructor(network: CollectableNetwork, why: string) {
    super(network, 'rate_limited', `${networkLabel(network)}: ${why}; stopped for this run, the next one continues from the checkpoint`)
  }
}

/** Throws when a request may not go out now (deadline passed or requests spent); else counts it. */
export function spendRequest(budget: FireBudget, network: CollectableNetwork, nowMs: number): void {
  if (nowMs >= budget.deadlineAt || budget.signal.aborted) throw new BudgetSpentError(network, 'the time budget of this run is spent')
  if (budget.requestsLeft <= 0) throw new BudgetSpentError(network, 'the request budget of this run is spent')
  budget.requestsLeft--
}

/** Throws when waiting `waitMs` would outlast the budget (a rate-limit window longer than what is left). */
export function checkWait(budget: FireBudget, network: CollectableNetwork, nowMs: number, waitMs: number): void {
  if (nowMs + waitMs > budget.deadlineAt) {
    throw new BudgetSpentError(network, `the rate limit asks to wait ${Math.ceil(waitMs / 1000)} s, longer than what is left of this run's time budget`)
  }
}
