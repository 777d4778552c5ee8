import vine from '@vinejs/vine'
import { uploadLimitMb } from '#config/uploads'
import {
  ANSWERS,
  AUDIENCES,
  EVIDENCE_STATUSES,
  METHODS,
  SAMPLE_RESULTS,
  VERDICTS,
} from '#audits/workflow'

const isoDate = () => vine.date({ formats: ['YYYY-MM-DD'] })
/** A checkbox group or multiple select: one checked box arrives as a single value. */
const asList = (value: unknown) =>
  value === undefined || value === null || value === '' || Array.isArray(value) ? value : [value]
const idList = () => vine.array(vine.number().withoutDecimals().min(1)).parse(asList)

const note = (max: number) => vine.string().trim().maxLength(max).optional()

/** The audits list: search by title, filter by state, page and sort. */
export const auditListValidator = vine.create({
  q: vine.string().trim().maxLength(100).optional(),
  state: vine.enum(['planning', 'fieldwork', 'review', 'issued']).optional(),
  page: vine.number().withoutDecimals().min(1).max(100000).optional(),
  sort: vine.string().trim().maxLength(40).optional(),
  order: vine.enum(['asc', 'desc']).optional(),
})

/** Plan an audit (GB/T 39678 §8): framework, title, period, evaluators. */
export const createAuditValidator = vine.create({
  frameworkId: vine.number().withoutDecimals().exists({ table: 'audit_frameworks', column: 'id' }),
  title: vine.string().trim().minLength(2).maxLength(200),
  periodFrom: isoDate(),
  periodTo: isoDate().afterOrSameAs('periodFrom'),
  evaluatorIds: idList().maxLength(20).optional(),
})

export const evaluatorsValidator = vine.create({
  evaluatorIds: idList().maxLength(20).optional(),
})

/** The heatmap filters (GET, so they work without JavaScript). */
export const heatmapFilterValidator = vine.create({
  chapter: vine
    .string()
    .trim()
    .regex(/^\d{1,2}$/)
    .optional(),
  method: vine.enum(METHODS).optional(),
  verdict: vine.enum([...VERDICTS, 'none'] as const).optional(),
  state: vine.enum(EVIDENCE_STATUSES).optional(),
})

/** A document for clauses, with the dates it is in force. */
export const documentValidator = vine.create({
  title: vine.string().trim().minLength(2).maxLength(200),
  clauseIds: idList().minLength(1).maxLength(200),
  effectiveOn: isoDate(),
  expiresOn: isoDate().afterOrSameAs('effectiveOn').optional(),
  file: vine.file({
    size: `${uploadLimitMb}mb`,
    extnames: ['pdf', 'png', 'jpg', 'jpeg', 'webp', 'docx', 'xlsx'],
  }),
})

/** More clauses for a document already on file. */
export const linkDocumentValidator = vine.create({
  clauseIds: idList().minLength(1).maxLength(200),
})

export const verdictValidator = vine.create({
  verdict: vine.enum(VERDICTS),
  observation: note(5000),
})

/** GB/T 39678 §8 现场查看: text, date, place and photos. */
export const observationValidator = vine.create({
  text: vine.string().trim().minLength(2).maxLength(5000),
  observedOn: isoDate(),
  place: note(200),
  photos: vine
    .array(vine.file({ size: `${uploadLimitMb}mb`, extnames: ['png', 'jpg', 'jpeg', 'webp'] }))
    .maxLength(6)
    .optional(),
})

/** GB/T 39678 §8 向产业园企业确认: a yes/no question to all tenants or a seeded sample. */
export const confirmationValidator = vine.create({
  question: vine.string().trim().minLength(5).maxLength(1000),
  audience: vine.enum(AUDIENCES),
  sampleSize: vine
    .number()
    .withoutDecimals()
    .min(1)
    .max(10000)
    .optional()
    .requiredWhen('audience', '=', 'sample'),
  seed: vine
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_-]{1,64}$/)
    .optional(),
})

/** GB/T 39678 §8 过程验证: a reproducible seeded draw of records of one kind. */
export const sampleValidator = vine.create({
  recordKind: vine.string().trim().maxLength(40),
  size: vine.number().withoutDecimals().min(1).max(200),
  seed: vine
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_-]{1,64}$/)
    .optional(),
})

export const judgeValidator = vine.create({
  result: vine.enum(SAMPLE_RESULTS),
  note: note(1000),
})

export const findingValidator = vine.create({
  description: vine.string().trim().minLength(2).maxLength(5000),
  ownerUserId: vine.number().withoutDecimals().min(1).optional(),
  dueOn: isoDate(),
})

export const closeFindingValidator = vine.create({
  recheckNote: vine.string().trim().minLength(2).maxLength(5000),
})

export const answerValidator = vine.create({
  answer: vine.enum(ANSWERS),
  comment: note(1000),
})
