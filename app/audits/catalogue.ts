/**
 * Reads the clause catalogue out of the text of GB/T 39678-2020 (kept verbatim in
 * resources/frameworks/sources/gbt39678-2020.txt):
 *   requirements  every numbered requirement of §5–§7: a numbered line whose text is a sentence
 *                 (ends with 。), or a numbered section whose body is a paragraph with no numbered
 *                 sub-clauses (6.3, 6.7, 6.10);
 *   verifications every item of §8: a numbered line naming a method, or a numbered heading whose
 *                 body (a line and its bullets) names one; a heading with neither body nor
 *                 sub-items (8.3.3 in this copy) is kept with an empty text.
 */
import type { Method, Obligation } from '#audits/workflow'

export interface Requirement {
  number: string
  chapter: string
  textZh: string
  obligation: Obligation
}

export interface Verification {
  number: string
  textZh: string
  methods: Method[]
}

interface Line {
  number: string | null
  rest: string
}

const NUMBERED = /^(\d+(?:\.\d+)+)\s+(.+)$/

/** Markdown marks, list dashes and the ——/- bullets stripped. */
function clean(raw: string): string {
  return raw
    .replace(/^\s*#+\s*/, '')
    .replace(/^\s*[-—]+\s*/, '')
    .replace(/\s*\.{3,}\s*\S*$/, '')
    .trim()
}

function lines(text: string): Line[] {
  return text
    .split(/\r?\n/)
    .map(clean)
    .filter(Boolean)
    .map((line) => {
      const match = line.match(NUMBERED)
      return match ? { number: match[1], rest: match[2].trim() } : { number: null, rest: line }
    })
}

/** The body text of §`from` up to the heading of §`to` (top-level chapter numbers). */
function chapterSpan(all: Line[], from: number, to: number | null) {
  const isHeading = (l: Line, n: number) =>
    l.number === null && new RegExp(`^${n}\\s+\\S`).test(l.rest) && !l.rest.includes('。')
  // The table of contents lists the chapters too ("8 证实方法 ....."): take the last heading.
  let start = -1
  all.forEach((l, i) => {
    if (isHeading(l, from)) start = i
  })
  let end = all.length
  if (to !== null) {
    for (let i = start + 1; i < all.length; i++) {
      if (isHeading(all[i], to)) {
        end = i
        break
      }
    }
  }
  return all.slice(start + 1, end)
}

/** 应 as a modal verb, not inside 应急/相应/适应/供应/响应/对应/应用 (shall); 宜 (should). */
export function obligationOf(text: string): Obligation | null {
  const modal = /(?<![相适供响对])应(?![急用])|宜/g
  const first = modal.exec(text)
  if (!first) return null
  return first[0] === '宜' ? 'should' : 'shall'
}

const isSentence = (text: string) => /[。；]$/.test(text)

/** The numbered requirements of §5–§7, in document order. */
export function parseRequirements(text: string): Requirement[] {
  const span = chapterSpan(lines(text), 5, 8)
  const out: Requirement[] = []
  span.forEach((line, i) => {
    if (!line.number) return
    if (isSentence(line.rest)) {
      out.push(requirement(line.number, line.rest))
      return
    }
    // A heading: a requirement itself when a paragraph follows before the next numbered line.
    const body: string[] = []
    for (let j = i + 1; j < span.length && !span[j].number; j++) {
      if (/^\d+\s/.test(span[j].rest)) break
      body.push(span[j].rest)
    }
    if (body.length && body.every(isSentence)) out.push(requirement(line.number, body.join('')))
  })
  return out
}

function requirement(number: string, textZh: string): Requirement {
  const obligation = obligationOf(textZh)
  if (!obligation) throw new Error(`GB/T 39678 ${number}: no 应 or 宜 in "${textZh}"`)
  return { number, chapter: number.split('.')[0], textZh, obligation }
}

const METHOD_WORDS: Array<[RegExp, Method]> = [
  [/归档并管理|查阅/, 'records'],
  [/现场查看/, 'onsite'],
  [/向产业园企业确认/, 'confirmation'],
  [/过程验证/, 'process'],
  [/考核确认/, 'assessment'],
]

export function methodsOf(text: string): Method[] {
  return METHOD_WORDS.filter(([word]) => word.test(text)).map(([, method]) => method)
}

/** The verification items of §8, in document order. */
export function parseVerifications(text: string): Verification[] {
  const span = chapterSpan(lines(text), 8, null)
  const out: Verification[] = []
  span.forEach((line, i) => {
    if (!line.number) return
    const body: string[] = []
    for (let j = i + 1; j < span.length && !span[j].number; j++) body.push(span[j].rest)
    const own = methodsOf(line.rest)
    if (own.length) {
      out.push({ number: line.number, textZh: [line.rest, ...body].join(''), methods: own })
      return
    }
    const next = span.slice(i + 1).find((l) => l.number)
    const hasChildren = Boolean(next?.number?.startsWith(`${line.number}.`))
    if (body.length) {
      out.push({ number: line.number, textZh: body.join(''), methods: methodsOf(body.join('')) })
    } else if (!hasChildren) {
      out.push({ number: line.number, textZh: '', methods: [] })
    }
  })
  return out
}
