// Content negotiation as clients send it: preferences by q, refusals, wildcards, and the formats of
// the two routes that offer several (ranked lists, the graph).
import t from 'tap'
import { negotiateGraphFormat } from '../../src/graph-export/negotiate.ts'
import { negotiateFormat } from '../../src/rankings/export-formats.ts'

t.test('ranked lists: the most preferred format wins, whatever the order', async (t) => {
  t.equal(negotiateFormat(undefined, undefined), 'json', 'no Accept header: JSON')
  t.equal(negotiateFormat(undefined, '  '), 'json', 'a blank header: JSON')
  t.equal(negotiateFormat(undefined, 'text/csv'), 'csv')
  t.equal(negotiateFormat(undefined, 'text/csv;q=0.1, application/json'), 'json', 'a lower q loses though listed first')
  t.equal(negotiateFormat(undefined, 'application/json;q=0.5, application/x-ndjson;q=0.8'), 'ndjson')
  t.equal(negotiateFormat(undefined, 'application/ndjson'), 'ndjson', 'the registered name too')
  t.equal(negotiateFormat(undefined, 'text/csv;q=0, */*'), 'json', 'q=0 refuses a type')
  t.equal(negotiateFormat(undefined, '*/*, text/csv'), 'csv', 'a named type beats a wildcard at the same q')
  t.equal(negotiateFormat(undefined, 'text/*'), 'csv', 'the one text type offered')
  t.equal(negotiateFormat(undefined, 'TEXT/CSV; Q=0.9, application/xml'), 'csv', 'media types and parameters are case-insensitive')
  t.equal(negotiateFormat(undefined, 'application/xml, text/html'), null, 'nothing the route produces: refused')
  t.equal(negotiateFormat(undefined, 'text/csv;q=0'), null, 'the only type named is refused')
  t.equal(negotiateFormat(undefined, 'constructor, __proto__'), null, 'names of object properties are not media types')
  t.equal(negotiateFormat('ndjson', 'text/csv'), 'ndjson', '?format wins over Accept')
})

t.test('the graph: JSON or GEXF by the same rules', async (t) => {
  t.equal(negotiateGraphFormat(undefined, 'application/gexf+xml;q=0.5, application/json'), 'json')
  t.equal(negotiateGraphFormat(undefined, 'application/json;q=0.4, application/gexf+xml;q=0.9'), 'gexf')
  t.equal(negotiateGraphFormat(undefined, 'text/html'), null)
  t.equal(negotiateGraphFormat('gexf', undefined), 'gexf')
})
