// Content negotiation as clients send it (RFC 9110 §12.5.1): preferences by q, refusals,
// wildcards, and the formats of the two routes that offer several (ranked lists, the graph).
import t from 'tap'
import { negotiateGraphFormat } from '../../src/insight/graph-export/negotiate.ts'
import { negotiateFormat } from '../../src/insight/rankings/export-formats.ts'

const ranked = (accept: string | undefined) => negotiateFormat(undefined, accept)

t.test('ranked lists: the most preferred format wins, whatever the order', async (t) => {
  t.equal(ranked(undefined), 'json', 'no Accept header: JSON')
  t.equal(ranked('  '), 'json', 'a blank header: JSON')
  t.equal(ranked('text/csv'), 'csv')
  t.equal(ranked('text/csv;q=0.1, application/json'), 'json', 'a lower q loses though listed first')
  t.equal(ranked('application/json;q=0.5, application/x-ndjson;q=0.8'), 'ndjson')
  t.equal(ranked('application/ndjson'), 'ndjson', 'the registered name too')
  t.equal(ranked('*/*, text/csv'), 'csv', 'a named type beats a wildcard at the same q')
  t.equal(ranked('text/*'), 'csv', 'the one text type offered')
  t.equal(ranked('TEXT/CSV; Q=0.9, application/xml'), 'csv', 'media types and parameters are case-insensitive')
  t.equal(ranked('application/*;q=0.9, application/json;q=0.1'), 'ndjson', 'the range naming JSON exactly sets its q; NDJSON keeps the wildcard\'s')
  t.equal(negotiateFormat('ndjson', 'text/csv'), 'ndjson', '?format wins over Accept')
})

t.test('ranked lists: refusals', async (t) => {
  t.equal(ranked('text/csv;q=0, */*'), 'json', 'q=0 refuses a type')
  t.equal(ranked('application/json;q=0, */*'), 'csv', 'refusing JSON by name holds against a wildcard')
  t.equal(ranked('text/*;q=0.5, text/csv;q=0'), null, 'refusing CSV by name holds against text/*')
  t.equal(ranked('application/xml, text/html'), null, 'nothing the route produces: refused')
  t.equal(ranked('text/csv;q=0'), null, 'the only type named is refused')
  t.equal(ranked('text/csv;q=2, application/json;q=0.5'), 'json', 'a quality above 1 is not a quality: that range is ignored')
  t.equal(ranked('text/csv;q=high, application/json;q=0.5'), 'json', 'nor is a word')
  t.equal(ranked('constructor, __proto__, csv'), null, 'names that are not media types match nothing')
})

t.test('the graph: JSON or GEXF by the same rules', async (t) => {
  t.equal(negotiateGraphFormat(undefined, 'application/gexf+xml;q=0.5, application/json'), 'json')
  t.equal(negotiateGraphFormat(undefined, 'application/json;q=0.4, application/gexf+xml;q=0.9'), 'gexf')
  t.equal(negotiateGraphFormat(undefined, 'text/xml'), 'gexf')
  t.equal(negotiateGraphFormat(undefined, 'application/json;q=0, */*'), 'gexf', 'JSON refused by name')
  t.equal(negotiateGraphFormat(undefined, 'text/html'), null)
  t.equal(negotiateGraphFormat('gexf', undefined), 'gexf')
})
