import env from '#start/env'
import app from '@adonisjs/core/services/app'
import { defineConfig, services } from '@adonisjs/drive'

/**
 * Attachments never get a public URL: they are streamed by a controller after a policy check,
 * so both disks are private. Only the disk in use (DRIVE_DISK) is configured: the drive provider
 * resolves every configured disk at boot, and the S3 one imports the AWS SDK (~35 MB RSS in every
 * web, worker and ace process) that an `fs` deployment never calls. Nothing in the app picks a
 * disk by name: `drive.use()` is always the default disk.
 */
const useS3 = env.get('DRIVE_DISK', 'fs') === 's3'
const driveConfig = defineConfig({
  default: useS3 ? 's3' : 'fs',
  services: {
    fs: services.fs({
      location: env.get('DRIVE_ROOT') ?? app.makePath(app.inTest ? 'tmp/test-storage' : 'storage'),
      serveFiles: false,
      visibility: 'private',
    }),
    ...(useS3 && {
      s3: services.s3({
        credentials: {
          accessKeyId: env.get('S3_ACCESS_KEY_ID', ''),
          secretAccessKey: env.get('S3_SECRET_ACCESS_KEY', ''),
        },
        region: env.get('S3_REGION', 'cn-north-1'),
        bucket: env.get('S3_BUCKET', 'parkgate'),
        endpoint: env.get('S3_ENDPOINT'),
        visibility: 'private',
      }),
    }),
  },
})

export default driveConfig

declare module '@adonisjs/drive/types' {
  export interface DriveDisks extends InferDriveDisks<typeof driveConfig> {}
}
