import { availableParallelism } from 'node:os'
import { createRequire } from 'node:module'
import { Worker } from 'node:worker_threads'
import {
  signEnveloped,
  signingMaterial,
  SIGNATURE_ALGORITHM,
  DIGEST_ALGORITHM,
  C14N,
  ENVELOPED,
} from '#single_window/builders/signer'

/**
 * Signs many CEB621 messages on worker threads (the signature is the costly part of a batch: an
 * RSA-2048 operation plus xml-crypto's canonicalisation per message). The workers run the same
 * xml-crypto signing as `signEnveloped` with the same key; with one core, or if a worker cannot
 * start, messages are signed in this thread.
 */
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads')
const { SignedXml } = require(workerData.xmlCrypto)
const { createPrivateKey } = require('node:crypto')
const m = workerData.material
const key = createPrivateKey(m.key)
const keyInfo = '<ds:KeyName>' + m.keyName + '</ds:KeyName><ds:X509Data><ds:X509Certificate>' + m.certBody + '</ds:X509Certificate></ds:X509Data>'
function sign(xml) {
  const sig = new SignedXml({
    privateKey: key,
    publicCert: m.cert,
    signatureAlgorithm: workerData.signatureAlgorithm,
    canonicalizationAlgorithm: workerData.c14n,
    getKeyInfoContent: () => keyInfo,
  })
  sig.addReference({ xpath: '/*', transforms: [workerData.enveloped, workerData.c14n], digestAlgorithm: workerData.digestAlgorithm, isEmptyUri: true })
  sig.computeSignature(xml, { prefix: 'ds', location: { reference: '/*', action: 'append' } })
  return sig.getSignedXml()
}
parentPort.on('message', ({ id, xmls }) => {
  try { parentPort.postMessage({ id, out: xmls.map(sign) }) }
  catch (error) { parentPort.postMessage({ id, error: String(error && error.message || error) }) }
})
`

interface PoolWorker {
  worker: Worker
  pending: Map<number, { resolve: (out: string[]) => void; reject: (e: Error) => void }>
}

let pool: PoolWorker[] | null = null
let next = 0

function start(size: number): PoolWorker[] {
  const xmlCrypto = createRequire(import.meta.url).resolve('xml-crypto')
  const workerData = {
    xmlCrypto,
    material: signingMaterial(),
    signatureAlgorithm: SIGNATURE_ALGORITHM,
    digestAlgorithm: DIGEST_ALGORITHM,
    c14n: C14N,
    enveloped: ENVELOPED,
  }
  return Array.from({ length: size }, () => {
    const worker = new Worker(WORKER, { eval: true, workerData })
    const entry: PoolWorker = { worker, pending: new Map() }
    worker.on('message', (msg: { id: number; out?: string[]; error?: string }) => {
      const job = entry.pending.get(msg.id)
      if (!job) return
      entry.pending.delete(msg.id)
      if (msg.error) job.reject(new Error(msg.error))
      else job.resolve(msg.out!)
    })
    worker.on('error', (error) => {
      for (const job of entry.pending.values()) job.reject(error)
      entry.pending.clear()
      pool = null
    })
    // Idle workers never keep the process alive.
    worker.unref()
    return entry
  })
}

/** Signs every message; the order of the result is the order of `xmls`. */
export async function signAll(xmls: string[]): Promise<string[]> {
  const size = Math.min(4, availableParallelism())
  if (size < 2 || xmls.length < 8) return xmls.map(signEnveloped)
  try {
    pool ??= start(size)
  } catch {
    return xmls.map(signEnveloped)
  }
  const workers = pool
  const per = Math.ceil(xmls.length / workers.length)
  const parts = await Promise.all(
    workers.map((entry, i) => {
      const slice = xmls.slice(i * per, (i + 1) * per)
      if (slice.length === 0) return Promise.resolve([] as string[])
      const id = next++
      return new Promise<string[]>((resolve, reject) => {
        entry.pending.set(id, { resolve, reject })
        entry.worker.ref()
        entry.worker.postMessage({ id, xmls: slice })
      }).finally(() => {
        if (entry.pending.size === 0) entry.worker.unref()
      })
    })
  )
  return parts.flat()
}
