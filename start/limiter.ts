/*
|--------------------------------------------------------------------------
| Login throttling
|--------------------------------------------------------------------------
|
| Five wrong passwords for one e-mail from one address block that pair for
| 15 minutes; the exception handler turns the block into a translated message.
|
*/
import limiter from '@adonisjs/limiter/services/main'
import env from '#start/env'

export function loginLimiter() {
  return limiter.use({ requests: 5, duration: '15 mins', blockDuration: '15 mins' })
}

export function loginKey(email: string, ip: string) {
  return `login_${email}_${ip}`
}

/**
 * Public complaint endpoints, per address: five submissions an hour, twenty lookups in ten
 * minutes (the lookup's second key is only four digits, so guessing must stay slow).
 * COMPLAINT_LOOKUP_LIMIT changes the lookups' number: the benchmark (bench/run.mjs) raises it so
 * that 50 connections from one address measure the lookup itself, the limiter's count included.
 */
export function complaintLimiter(kind: 'submit' | 'lookup') {
  return kind === 'submit'
    ? limiter.use({ requests: 5, duration: '1 hour', blockDuration: '1 hour' })
    : limiter.use({
        requests: env.get('COMPLAINT_LOOKUP_LIMIT', 20),
        duration: '10 mins',
        blockDuration: '10 mins',
      })
}

/** The public consultation form, per address: five questions an hour. */
export function consultationLimiter() {
  return limiter.use({ requests: 5, duration: '1 hour', blockDuration: '1 hour' })
}

/**
 * The tracking API (issue 6), per token: 120 requests a minute (a scanner posts batches of up to
 * 500 events); unknown or revoked tokens from one address: 20 tries in 10 minutes.
 */
export function trackingApiLimiter(kind: 'token' | 'refused') {
  return kind === 'token'
    ? limiter.use({ requests: env.get('TRACKING_API_LIMIT', 120), duration: '1 min' })
    : limiter.use({ requests: 20, duration: '10 mins', blockDuration: '10 mins' })
}

/** The public /track page, per address: 60 lookups in 10 minutes. */
export function trackLookupLimiter() {
  return limiter.use({ requests: 60, duration: '10 mins', blockDuration: '10 mins' })
}
