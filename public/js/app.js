/*
 * ParkGate progressive enhancement (CSP-safe: no inline handlers, no eval).
 *  - [data-confirm] on a submit button or <form>: window.confirm() before submitting
 *  - .nav-toggle: shows/hides #sidenav on small screens
 *  - [data-dismiss] inside .alert: removes the alert
 *  - canvas[data-chart="<json-block-id>"]: drawn with window.Chart (Chart.js 4 UMD) when present
 *  - print: opens chart data tables
 */
;(function () {
  'use strict'

  document.documentElement.classList.add('js')

  /* ---- confirm before submitting ---- */
  document.addEventListener(
    'submit',
    function (event) {
      var form = event.target
      if (!(form instanceof HTMLFormElement)) return
      var submitter = event.submitter
      var message =
        (submitter && submitter.getAttribute('data-confirm')) || form.getAttribute('data-confirm')
      if (message && !window.confirm(message)) {
        event.preventDefault()
        event.stopImmediatePropagation()
        return
      }
      /* prevent double submits */
      if (form.method.toLowerCase() === 'post') {
        if (form.dataset.submitting === '1') {
          event.preventDefault()
          return
        }
        form.dataset.submitting = '1'
        window.setTimeout(function () {
          delete form.dataset.submitting
        }, 4000)
      }
    },
    true
  )

  /* ---- mobile navigation ---- */
  function setupNav() {
    var toggle = document.querySelector('.nav-toggle')
    var nav = document.getElementById('sidenav')
    if (!toggle || !nav) return
    function setOpen(open) {
      nav.classList.toggle('is-open', open)
      toggle.setAttribute('aria-expanded', open ? 'true' : 'false')
    }
    toggle.addEventListener('click', function () {
      setOpen(!nav.classList.contains('is-open'))
    })
    document.addEventListener('keydown', function (event) {
      if (event.key === 'Escape' && nav.classList.contains('is-open')) {
        setOpen(false)
        toggle.focus()
      }
    })
  }

  /* ---- dismissible alerts ---- */
  document.addEventListener('click', function (event) {
    var target = event.target
    if (!(target instanceof Element)) return
    var button = target.closest('[data-dismiss]')
    if (!button) return
    var alert = button.closest('.alert')
    if (alert) alert.remove()
  })

  /* ---- charts ---- */
  function cssVar(name, fallback) {
    var value = getComputedStyle(document.documentElement).getPropertyValue(name).trim()
    return value || fallback
  }

  function palette() {
    var colors = []
    for (var i = 1; i <= 8; i++) colors.push(cssVar('--chart-' + i, '#1d4ed8'))
    return colors
  }

  function withAlpha(hex, alpha) {
    var m = /^#([0-9a-f]{6})$/i.exec(hex)
    if (!m) return hex
    var n = parseInt(m[1], 16)
    return 'rgba(' + (n >> 16) + ',' + ((n >> 8) & 255) + ',' + (n & 255) + ',' + alpha + ')'
  }

  function drawChart(canvas) {
    if (canvas.dataset.chartDrawn) return
    var block = document.getElementById(canvas.getAttribute('data-chart'))
    if (!block) return
    var spec
    try {
      spec = JSON.parse(block.textContent || 'null')
    } catch (e) {
      return
    }
    if (!spec || !Array.isArray(spec.datasets)) return

    var colors = palette()
    var type = spec.type || 'bar'
    var circular = type === 'doughnut' || type === 'pie'
    var datasets = spec.datasets.map(function (ds, i) {
      var color = colors[i % colors.length]
      if (circular) {
        var slice = (ds.data || []).map(function (_, j) {
          return colors[j % colors.length]
        })
        return { label: ds.label, data: ds.data, backgroundColor: slice, borderColor: '#fff', borderWidth: 2 }
      }
      return {
        label: ds.label,
        data: ds.data,
        backgroundColor: type === 'line' ? withAlpha(color, 0.12) : withAlpha(color, 0.85),
        borderColor: color,
        borderWidth: type === 'line' ? 2 : 0,
        borderRadius: type === 'bar' ? 3 : 0,
        pointRadius: type === 'line' ? 3 : undefined,
        tension: 0.25,
        fill: type === 'line' && spec.datasets.length === 1,
        maxBarThickness: 42,
      }
    })

    var Chart = window.Chart
    Chart.defaults.font.family = getComputedStyle(document.body).fontFamily
    Chart.defaults.color = cssVar('--c-text-soft', '#475569')
    var grid = cssVar('--c-border', '#dde3ec')
    var narrow = window.matchMedia && window.matchMedia('(max-width: 640px)').matches
    var reduced = window.matchMedia && window.matchMedia('(prefers-reduced-motion: reduce)').matches

    var options = {
      responsive: true,
      maintainAspectRatio: false,
      animation: reduced ? false : { duration: 400 },
      plugins: {
        legend: {
          display: circular || datasets.length > 1,
          position: circular && !narrow ? 'right' : circular ? 'bottom' : 'top',
          labels: { boxWidth: 12, boxHeight: 12 },
        },
        tooltip: { mode: circular ? 'point' : 'index', intersect: circular },
      },
    }
    if (!circular) {
      options.indexAxis = spec.horizontal ? 'y' : 'x'
      options.interaction = { mode: 'index', intersect: false }
      var valueAxis = { beginAtZero: true, stacked: !!spec.stacked, grid: { color: grid }, ticks: { precision: 0 } }
      var categoryAxis = { stacked: !!spec.stacked, grid: { display: false } }
      options.scales = spec.horizontal ? { x: valueAxis, y: categoryAxis } : { x: categoryAxis, y: valueAxis }
    } else {
      options.cutout = type === 'doughnut' ? '62%' : 0
    }

    canvas.dataset.chartDrawn = '1'
    new Chart(canvas, { type: type, data: { labels: spec.labels || [], datasets: datasets }, options: options })
  }

  function setupCharts() {
    var canvases = document.querySelectorAll('canvas[data-chart]')
    if (!canvases.length || typeof window.Chart !== 'function') return
    canvases.forEach(function (canvas) {
      try {
        drawChart(canvas)
      } catch (e) {
        /* the data table stays available */
      }
    })
  }

  /* ---- print: show chart data tables ---- */
  var reopened = []
  window.addEventListener('beforeprint', function () {
    document.querySelectorAll('details.chart-data:not([open])').forEach(function (d) {
      d.open = true
      reopened.push(d)
    })
  })
  window.addEventListener('afterprint', function () {
    reopened.forEach(function (d) {
      d.open = false
    })
    reopened = []
  })

  /* [data-print]: a button that prints the page (e.g. a complaint receipt) */
  document.addEventListener('click', function (event) {
    var target = event.target
    if (target instanceof Element && target.closest('[data-print]')) window.print()
  })

  function init() {
    setupNav()
    setupCharts()
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init)
  else init()
})()
