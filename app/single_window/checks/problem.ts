/**
 * One problem a check found: which field (XSD element name; `line` for goods lines), the i18n key in
 * the `sw` namespace and its placeholder data. `level` 'error' blocks sending; 'warning' is shown only.
 */
export interface CheckProblem {
  field: string
  key: string
  data?: Record<string, unknown>
  line?: number
  level: 'error' | 'warning'
}

export const hasErrors = (problems: CheckProblem[]) => problems.some((p) => p.level === 'error')
