import fc from 'fast-check'
import t from 'tap'
import { compileMatcher, compileQuery, isAnchored, matchedTerms, parse, print } from '../../src/pipeline/query/index.ts'
import { treeWithPost, vocabularyTree } from './fixtures/arbitraries.ts'
import { referenceMatches } from './fixtures/reference-evaluator.ts'

t.test('the compiled matcher agrees with the naive reference evaluator', async (t) => {
  let accepted = 0
  let rejected = 0
  fc.assert(
    fc.property(treeWithPost(vocabularyTree), ([tree, post]) => {
      const expected = referenceMatches(tree, post)
      if (expected) accepted++
      else rejected++
      return compileMatcher(tree)(post) === expected
    }),
    { numRuns: 3000 },
  )
  t.ok(accepted > 300 && rejected > 300, `both outcomes occur (${accepted} accepted, ${rejected} rejected)`)
})

t.test('a match always has a matched term, and each matched term is in the post', async (t) => {
  fc.assert(
    fc.property(treeWithPost(vocabularyTree), ([tree, post]) => {
      if (!compileQuery(tree).matches(post)) return true
      const terms = matchedTerms(tree, post)
      // A tree with something to look for cannot match without finding one of its terms.
      if (isAnchored(tree) && terms.length === 0) return false
      return terms.every((term) => referenceMatches(parse(term), post))
    }),
    { numRuns: 1000 },
  )
  const tree = parse('(rust OR go) -spam')
  t.same(matchedTerms(tree, { text: 'go', hashtags: [], mentions: [], lang: null, network: 'x' }), ['go'])
  t.equal(print(tree), '(rust OR go) -spam')
})
