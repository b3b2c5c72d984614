import fc from 'fast-check'
import t from 'tap'
import { QuerySyntaxError, isAnchored, parse, print } from '../../src/pipeline/query/index.ts'
import { printableTree } from './fixtures/arbitraries.ts'

t.test('parse(print(tree)) gives the tree back, and print is stable', async (t) => {
  let roundTrips = 0
  fc.assert(
    fc.property(printableTree, (tree) => {
      const text = print(tree)
      if (!isAnchored(tree)) {
        // Trees with nothing to look for are exactly the ones parse refuses.
        let refused = false
        try {
          parse(text)
        } catch (error) {
          refused = error instanceof QuerySyntaxError
        }
        return refused
      }
      const reparsed = parse(text)
      roundTrips++
      t.same(reparsed, tree)
      return print(reparsed) === text
    }),
    { numRuns: 600 },
  )
  t.ok(roundTrips > 200, `enough anchored trees were generated (${roundTrips})`)
})

t.test('parse only ever throws QuerySyntaxError, with a position inside the query', async (t) => {
  const alphabet = fc.constantFrom('a', 'b', 'é', ' ', '"', '“', '(', ')', '-', '#', '@', ':', 'AND', 'OR', 'NOT', 'lang:', 'network:', '.', '_', '|', '&')
  fc.assert(
    fc.property(fc.oneof(fc.string({ maxLength: 40 }), fc.array(alphabet, { maxLength: 25 }).map((parts) => parts.join(''))), (query) => {
      try {
        const tree = parse(query)
        return print(parse(print(tree))) === print(tree)
      } catch (error) {
        if (!(error instanceof QuerySyntaxError)) throw error
        return error.position >= 0 && error.position <= query.length && error.message.length > 0
      }
    }),
    { numRuns: 3000 },
  )
  t.pass('no other error escaped')
})
