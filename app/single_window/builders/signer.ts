import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { X509Certificate, createPrivateKey, type KeyObject } from 'node:crypto'
import { dirname, join } from 'node:path'
import { SignedXml } from 'xml-crypto'
import { generate } from 'selfsigned'

/**
 * Enveloped XML-DSig for CEB621 (XSD: ds:Signature minOccurs=1). SPEC §7.2: C14N 20010315,
 * Reference URI="" with the enveloped-signature transform, KeyInfo = KeyName (certificate number) +
 * X509Data/X509Certificate. The 2022-05 spec prefers SM2/SM3, which xml-crypto does not implement;
 * this uses the spec's alternative rsa-sha1/sha1 (the algorithms of the 2018 samples). In production
 * the single-window client re-signs with the enterprise's card or crypto device (SPEC §7.4).
 *
 * Key: SW_SIGN_KEY / SW_SIGN_CERT (PEM text or a path to a PEM file); otherwise a demo key and
 * self-signed certificate generated at first use under tmp/sw_sign/.
 */
export const SIGNATURE_ALGORITHM = 'http://www.w3.org/2000/09/xmldsig#rsa-sha1'
export const DIGEST_ALGORITHM = 'http://www.w3.org/2000/09/xmldsig#sha1'
export const C14N = 'http://www.w3.org/TR/2001/REC-xml-c14n-20010315'
export const ENVELOPED = 'http://www.w3.org/2000/09/xmldsig#enveloped-signature'

interface SigningKeys {
  key: string
  /** Parsed once: parsing the PEM on every signature cost a fifth of the signing time. */
  keyObject: KeyObject
  cert: string
  /** KeyName: the certificate's serial number (SPEC §7.2 "certificate number"). */
  keyName: string
  /** Base64 body of the certificate for X509Certificate. */
  certBody: string
}

let keys: SigningKeys | null = null

const DEMO_DIR = join(process.cwd(), 'tmp', 'sw_sign')
const DEMO_KEY = join(DEMO_DIR, 'demo_key.pem')
const DEMO_CERT = join(DEMO_DIR, 'demo_cert.pem')

const pemOrFile = (value: string) =>
  value.includes('-----BEGIN') ? value.replace(/\\n/g, '\n') : readFileSync(value, 'utf8')

function fromPem(key: string, cert: string): SigningKeys {
  const x509 = new X509Certificate(cert)
  const certBody = cert.replace(/-----(BEGIN|END) CERTIFICATE-----/g, '').replace(/\s+/g, '')
  return { key, keyObject: createPrivateKey(key), cert, keyName: x509.serialNumber, certBody }
}

/** The configured or already generated keys, read synchronously; null when none exist yet. */
function loadSync(): SigningKeys | null {
  const envKey = process.env.SW_SIGN_KEY
  const envCert = process.env.SW_SIGN_CERT
  if (envKey && envCert) return fromPem(pemOrFile(envKey), pemOrFile(envCert))
  if (existsSync(DEMO_KEY) && existsSync(DEMO_CERT)) {
    return fromPem(readFileSync(DEMO_KEY, 'utf8'), readFileSync(DEMO_CERT, 'utf8'))
  }
  return null
}

/** Makes sure a signing key exists (generates the demo key once); call before building CEB621. */
export async function prepareSigner(): Promise<void> {
  if (keys) return
  keys = loadSync()
  if (keys) return
  const pems = await generate(
    [
      { name: 'commonName', value: 'ParkGate single-window demo signer' },
      { name: 'organizationName', value: 'ParkGate demo (not a customs certificate)' },
    ],
    { keySize: 2048, algorithm: 'sha256' }
  )
  mkdirSync(dirname(DEMO_KEY), { recursive: true })
  writeFileSync(DEMO_KEY, pems.private, { mode: 0o600 })
  writeFileSync(DEMO_CERT, pems.cert)
  keys = fromPem(pems.private, pems.cert)
}

/** The key material for the signing workers (#single_window/builders/sign_pool). */
export function signingMaterial() {
  keys ??= loadSync()
  if (!keys) throw new Error('signing key not prepared: await prepareSigner() first')
  return { key: keys.key, cert: keys.cert, keyName: keys.keyName, certBody: keys.certBody }
}

/** The certificate (PEM) messages are signed with, for verification. */
export function signingCertificate(): string {
  keys ??= loadSync()
  if (!keys) throw new Error('signing key not prepared: await prepareSigner() first')
  return keys.cert
}

/** Appends an enveloped ds:Signature as the root's last child (import XSD: after ExtendMessage). */
export function signEnveloped(xml: string): string {
  keys ??= loadSync()
  if (!keys) throw new Error('signing key not prepared: await prepareSigner() first')
  const current = keys
  const sig = new SignedXml({
    privateKey: current.keyObject,
    publicCert: current.cert,
    signatureAlgorithm: SIGNATURE_ALGORITHM,
    canonicalizationAlgorithm: C14N,
    getKeyInfoContent: ({ prefix } = {}) => {
      const p = prefix ? `${prefix}:` : ''
      return `<${p}KeyName>${current.keyName}</${p}KeyName><${p}X509Data><${p}X509Certificate>${current.certBody}</${p}X509Certificate></${p}X509Data>`
    },
  })
  sig.addReference({
    xpath: '/*',
    transforms: [ENVELOPED, C14N],
    digestAlgorithm: DIGEST_ALGORITHM,
    isEmptyUri: true,
  })
  sig.computeSignature(xml, { prefix: 'ds', location: { reference: '/*', action: 'append' } })
  return sig.getSignedXml()
}

/** Verifies a signed message against the signing certificate (tests; the simulator). */
export function verifyEnveloped(xml: string, cert = signingCertificate()): boolean {
  const sig = new SignedXml({ publicCert: cert })
  const signature = /<ds:Signature[\s\S]*<\/ds:Signature>/.exec(xml)
  if (!signature) return false
  sig.loadSignature(signature[0])
  try {
    return sig.checkSignature(xml)
  } catch {
    return false
  }
}
