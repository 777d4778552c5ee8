import { hasMany } from '@adonisjs/lucid/orm'
import type { HasMany } from '@adonisjs/lucid/types/relations'
import { PollSchema } from '#database/schema'
import PollOpinion from '#complaints/models/poll_opinion'
import { todayInShanghai } from '#core/dates'

export type PollPhase = 'upcoming' | 'open' | 'closed' | 'responded'

/**
 * An opinion poll (SZDB/Z 304.1 6.9.2): a topic open for opinions between two Shanghai days
 * (both included) and a published date by which the park responds.
 */
export default class Poll extends PollSchema {
  @hasMany(() => PollOpinion)
  declare opinions: HasMany<typeof PollOpinion>

  get isOpen() {
    const today = todayInShanghai().toISODate()!
    return this.opensOn.toISODate()! <= today && today <= this.closesOn.toISODate()!
  }

  get phase(): PollPhase {
    if (this.respondedAt) return 'responded'
    const today = todayInShanghai().toISODate()!
    if (today < this.opensOn.toISODate()!) return 'upcoming'
    return this.isOpen ? 'open' : 'closed'
  }

  /** Closed, no response yet, and the promised response date has passed. */
  get responseOverdue() {
    return !this.respondedAt && todayInShanghai().toISODate()! > this.responseDueOn.toISODate()!
  }
}
