/*
|--------------------------------------------------------------------------
| In-process schedules (inline queue driver only)
|--------------------------------------------------------------------------
|
| With the inline driver the web process runs the schedules of start/jobs.ts on
| a timer. With BullMQ they are job schedulers registered by `queue:work`.
|
*/
import app from '@adonisjs/core/services/app'
import queue from '#core/queue/main'

if (queue.driver.name === 'inline' && !app.inTest) {
  await queue.startSchedules()
}
