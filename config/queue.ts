import env from '#start/env'

/** Queue: inline (embedded default) or bullmq (production, Redis). Chosen by QUEUE_DRIVER only. */
const queueConfig = {
  driver: env.get('QUEUE_DRIVER', 'inline'),
  queueName: 'parkgate',
  prefix: env.get('QUEUE_PREFIX', 'parkgate'),
  concurrency: 10,
  redis: {
    host: env.get('REDIS_HOST', '127.0.0.1'),
    port: env.get('REDIS_PORT', 6379),
    password: env.get('REDIS_PASSWORD'),
    db: env.get('REDIS_DB', 0),
    maxRetriesPerRequest: null,
  },
}

export default queueConfig
