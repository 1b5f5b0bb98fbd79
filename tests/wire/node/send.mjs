// Sends the calls read from stdin (a JSON array, see tests/wire/senders.py) with @segment/analytics-node
// to the host given as the first argument, then flushes and exits.
import { Analytics } from '@segment/analytics-node'

const host = process.argv[2]
let input = ''
for await (const chunk of process.stdin) input += chunk
const analytics = new Analytics({
  writeKey: 'wk-node', host, maxRetries: 0, httpRequestTimeout: 5000, flushInterval: 60000, maxEventsInBatch: 100,
})
analytics.on('error', (error) => { console.error(String(error)); process.exitCode = 1 })
for (const call of JSON.parse(input)) {
  const [kind, ...args] = call
  if (kind === 'track') analytics.track({ userId: 'u-1', event: args[0], properties: args[1] })
  else if (kind === 'identify') analytics.identify({ userId: 'u-1', traits: args[0] })
  else if (kind === 'page') analytics.page({ userId: 'u-1', name: args[0], properties: args[1] })
  else if (kind === 'group') analytics.group({ userId: 'u-1', groupId: args[0], traits: args[1] })
}
await analytics.closeAndFlush({ timeout: 20000 })
