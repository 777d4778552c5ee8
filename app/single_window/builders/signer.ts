import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import {
  X509Certificate,
  createHash,
  createPrivateKey,
  sign as rsaSign,
  type KeyObject,
} from 'node:crypto'
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

/** The certificate (PEM) messages are signed with, for verification. */
export function signingCertificate(): string {
  return currentKeys().cert
}

function currentKeys(): SigningKeys {
  keys ??= loadSync()
  if (!keys) throw new Error('signing key not prepared: await prepareSigner() first')
  return keys
}

const DSIG_NS = 'http://www.w3.org/2000/09/xmldsig#'

/**
 * The messages our builder writes, and only those, have a canonical form (C14N 20010315) we can
 * write without parsing: the prolog, then the root start tag with exactly guid, version and the ceb
 * namespace, elements written as start and end tags, text escaped only with the five predefined
 * entities, no CR, no
 * comments, CDATA, character references or processing instructions. Anything else goes through
 * xml-crypto's full canonicalisation.
 */
const OWN_ROOT =
  /^<\?xml version="1\.0" encoding="UTF-8"\?><(ceb:CEB\d{3}Message) guid="([0-9A-F-]{36})" version="([0-9.]{1,10})" xmlns:ceb="(http:\/\/www\.chinaport\.gov\.cn\/ceb)">/

interface Prepared {
  /** The message with the signature element still to be filled in: before and after it. */
  head: string
  tail: string
  signedInfo: string
  signedInfoC14n: string
}

function prepareOwn(xml: string): Prepared | null {
  const root = OWN_ROOT.exec(xml)
  if (!root) return null
  const rest = xml.slice(root[0].length)
  if (/[\r]|<[!?]|&#|\/>|&(?!(amp|lt|gt|apos|quot);)/.test(rest)) return null
  const close = `</${root[1]}>`
  if (!rest.endsWith(close)) return null
  // C14N writes quotes and apostrophes in text as themselves (the builder escapes them).
  const text = rest.replaceAll('&apos;', "'").replaceAll('&quot;', '"')
  const canonical = `<${root[1]} xmlns:ceb="${root[4]}" guid="${root[2]}" version="${root[3]}">${text}`
  const digest = createHash('sha1').update(canonical, 'utf8').digest('base64')
  // SignedInfo as xml-crypto writes it, and its canonical form: the namespaces in scope (ceb from
  // the root, ds from Signature) rendered on the apex element, empty elements as start/end tags.
  const parts = (empty: (name: string, algorithm: string) => string) =>
    `${empty('CanonicalizationMethod', C14N)}${empty('SignatureMethod', SIGNATURE_ALGORITHM)}` +
    `<ds:Reference URI=""><ds:Transforms>${empty('Transform', ENVELOPED)}${empty('Transform', C14N)}` +
    `</ds:Transforms>${empty('DigestMethod', DIGEST_ALGORITHM)}<ds:DigestValue>${digest}</ds:DigestValue>` +
    `</ds:Reference>`
  const signedInfo = `<ds:SignedInfo>${parts((n, a) => `<ds:${n} Algorithm="${a}"/>`)}</ds:SignedInfo>`
  const signedInfoC14n =
    `<ds:SignedInfo xmlns:ceb="${root[4]}" xmlns:ds="${DSIG_NS}">` +
    `${parts((n, a) => `<ds:${n} Algorithm="${a}"></ds:${n}>`)}</ds:SignedInfo>`
  return { head: xml.slice(0, xml.length - close.length), tail: close, signedInfo, signedInfoC14n }
}

/** Whether a message is signed directly (our builder's shape) rather than through xml-crypto. */
export const signsDirectly = (xml: string) => prepareOwn(xml) !== null

function assemble(p: Prepared, k: SigningKeys, value: Buffer) {
  return (
    `${p.head}<ds:Signature xmlns:ds="${DSIG_NS}">${p.signedInfo}` +
    `<ds:SignatureValue>${value.toString('base64')}</ds:SignatureValue>` +
    `<ds:KeyInfo><ds:KeyName>${k.keyName}</ds:KeyName><ds:X509Data><ds:X509Certificate>` +
    `${k.certBody}</ds:X509Certificate></ds:X509Data></ds:KeyInfo></ds:Signature>${p.tail}`
  )
}

/** Appends an enveloped ds:Signature with xml-crypto (any well-formed message). */
export function signWithXmlCrypto(xml: string): string {
  const current = currentKeys()
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

/**
 * Appends an enveloped ds:Signature as the root's last child (import XSD: after ExtendMessage).
 * Our own messages are signed without re-parsing them (the same bytes xml-crypto writes, checked by
 * the tests; xml-crypto's parse and canonicalisation cost several times the RSA operation);
 * anything else goes through xml-crypto.
 */
export function signEnveloped(xml: string): string {
  const current = currentKeys()
  const prepared = prepareOwn(xml)
  if (!prepared) return signWithXmlCrypto(xml)
  const value = rsaSign('sha1', Buffer.from(prepared.signedInfoC14n, 'utf8'), current.keyObject)
  return assemble(prepared, current, value)
}

/**
 * Signs many messages, the RSA operations on libuv's thread pool (crypto.sign with a callback), so
 * a batch uses every core without worker threads. The result keeps the order of `xmls`.
 */
export function signAll(xmls: string[]): Promise<string[]> {
  const current = currentKeys()
  return Promise.all(
    xmls.map((xml) => {
      const prepared = prepareOwn(xml)
      if (!prepared) return signWithXmlCrypto(xml)
      return new Promise<string>((resolve, reject) => {
        rsaSign(
          'sha1',
          Buffer.from(prepared.signedInfoC14n, 'utf8'),
          current.keyObject,
          (error, value) => (error ? reject(error) : resolve(assemble(prepared, current, value)))
        )
      })
    })
  )
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
