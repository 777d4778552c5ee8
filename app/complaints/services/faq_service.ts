import db from '@adonisjs/lucid/services/db'
import FaqEntry from '#complaints/models/faq_entry'
import FaqCategory from '#complaints/models/faq_category'
import type User from '#core/models/user'
import AuditService from '#core/services/audit_service'

export interface FaqEntryInput {
  categoryId: number
  question: string
  answer: string
  isPublished?: boolean
}

export interface FaqCategoryInput {
  name: string
  nameEn?: string | null
  isActive?: boolean
  sortOrder?: number
}

/**
 * The FAQ knowledge base (SZDB/Z 304.1 6.9.1: frequent questions by category, for anyone to
 * look up). Published entries are public; search is a LIKE on question and answer, which finds
 * Chinese text on SQLite and MySQL alike (no FULLTEXT, which needs an ngram parser for CJK).
 */
export default class FaqService {
  constructor(private audit = new AuditService()) {}

  /** Published entries of active categories matching `q` (any part of question or answer). */
  static published(filters: { q?: string; categoryId?: number }) {
    const query = FaqEntry.query()
      .where('faq_entries.is_published', true)
      .whereIn('category_id', (sub) =>
        sub.from('faq_categories').where('is_active', true).select('id')
      )
    if (filters.q) {
      // `!` escapes the visitor's own % and _ (a backslash would need escaping again in MySQL).
      const q = `%${filters.q.replace(/[!%_]/g, (c) => `!${c}`)}%`
      query.where((w) =>
        w.whereRaw("question like ? escape '!'", [q]).orWhereRaw("answer like ? escape '!'", [q])
      )
    }
    if (filters.categoryId) query.where('category_id', filters.categoryId)
    return query
  }

  async createEntry(input: FaqEntryInput, user: User) {
    return db.transaction(async (trx) => {
      const entry = await FaqEntry.create(
        { ...input, isPublished: input.isPublished ?? false, viewCount: 0, createdBy: user.id },
        { client: trx }
      )
      await this.audit.record(trx, {
        action: 'faq.created',
        subjectType: 'faq_entry',
        subjectId: entry.id,
        after: entry.serialize(),
        actor: user,
      })
      return entry
    })
  }

  updateEntry(entry: FaqEntry, input: FaqEntryInput, user: User) {
    return this.audit.saveChanges(
      entry,
      'faq.updated',
      'faq_entry',
      (row) => row.merge({ ...input, isPublished: input.isPublished ?? false }),
      { actor: user }
    )
  }

  setPublished(entry: FaqEntry, published: boolean, user: User) {
    return this.audit.saveChanges(
      entry,
      published ? 'faq.published' : 'faq.unpublished',
      'faq_entry',
      (row) => {
        row.isPublished = published
      },
      { actor: user }
    )
  }

  /** One more reading of an entry (an atomic increment: no lost updates, no audit noise). */
  static async countView(entryId: number) {
    await db.from('faq_entries').where('id', entryId).increment('view_count', 1)
  }

  async createCategory(input: FaqCategoryInput, user: User) {
    return db.transaction(async (trx) => {
      const category = await FaqCategory.create(
        {
          name: input.name,
          nameEn: input.nameEn || null,
          isActive: input.isActive ?? true,
          sortOrder: input.sortOrder ?? 0,
        },
        { client: trx }
      )
      await this.audit.record(trx, {
        action: 'faq_category.created',
        subjectType: 'faq_category',
        subjectId: category.id,
        after: category.serialize(),
        actor: user,
      })
      return category
    })
  }

  updateCategory(category: FaqCategory, input: FaqCategoryInput, user: User) {
    return this.audit.saveChanges(
      category,
      'faq_category.updated',
      'faq_category',
      (row) =>
        row.merge({
          name: input.name,
          nameEn: input.nameEn || null,
          isActive: input.isActive ?? false,
          sortOrder: input.sortOrder ?? 0,
        }),
      { actor: user }
    )
  }
}
