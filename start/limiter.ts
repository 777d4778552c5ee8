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

export function loginLimiter() {
  return limiter.use({ requests: 5, duration: '15 mins', blockDuration: '15 mins' })
}

export function loginKey(email: string, ip: string) {
  return `login_${email}_${ip}`
}
