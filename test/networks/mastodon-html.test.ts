import t from 'tap'
import { htmlToText } from '../../src/pipeline/networks/html-to-text.ts'

// The status content of the reference example (network-apis.md §2.3), as Mastodon sends it.
const REFERENCE_CONTENT =
  '<p>Loving <a href="https://other.example/tags/rustlang" class="mention hashtag" rel="nofollow noopener noreferrer" target="_blank">#<span>rustlang</span></a> today, cc <span class="h-card"><a href="https://example.social/@bob" class="u-url mention">@<span>bob</span></a></span></p>'

t.test('paragraphs, line breaks, tags stripped, link text kept', async (t) => {
  t.equal(htmlToText(REFERENCE_CONTENT).text, 'Loving #rustlang today, cc @bob')
  t.equal(htmlToText('<p>First line<br>second line<br/>third</p><p>Next paragraph</p>').text, 'First line\nsecond line\nthird\n\nNext paragraph')
  t.equal(htmlToText('<p>a</p>\n\n<p>b</p>').text, 'a\n\nb', 'whitespace between blocks is not text')
})

t.test('entities are decoded once, after tags are removed', async (t) => {
  t.equal(htmlToText('<p>Fish &amp; chips &lt;3 &quot;yes&quot; it&#39;s &#x263A; &eacute;</p>').text, 'Fish & chips <3 "yes" it\'s ☺ é')
  t.equal(htmlToText('<p>&lt;b&gt;not bold&lt;/b&gt;</p>').text, '<b>not bold</b>', 'escaped markup stays text')
  t.equal(htmlToText('<p>&amp;lt;</p>').text, '&lt;', 'no double decoding')
})

t.test('shortened links keep their full address as text', async (t) => {
  const html =
    '<p>Read <a href="https://example.com/a/very/long/path/indeed" rel="nofollow noopener" target="_blank"><span class="invisible">https://</span><span class="ellipsis">example.com/a/very/long/pa</span><span class="invisible">th/indeed</span></a> now</p>'
  const result = htmlToText(html)
  t.equal(result.text, 'Read https://example.com/a/very/long/path/indeed now')
  t.same(result.anchors.map((anchor) => [anchor.href, anchor.text]), [['https://example.com/a/very/long/path/indeed', 'https://example.com/a/very/long/path/indeed']])
})

t.test('anchors carry classes and rel so callers can tell mentions and hashtags from links', async (t) => {
  const { anchors } = htmlToText(REFERENCE_CONTENT)
  t.same(
    anchors.map((anchor) => ({ href: anchor.href, text: anchor.text, classes: anchor.classes })),
    [
      { href: 'https://other.example/tags/rustlang', text: '#rustlang', classes: ['mention', 'hashtag'] },
      { href: 'https://example.social/@bob', text: '@bob', classes: ['u-url', 'mention'] },
    ],
  )
})

t.test('dropped classes remove the element and its content, nested or not', async (t) => {
  const html = '<p class="quote-inline">RE: <a href="https://x.example/1"><span>https://x.example/1</span></a></p><p>My take</p>'
  const result = htmlToText(html, { dropClasses: ['quote-inline'] })
  t.equal(result.text, 'My take')
  t.same(result.anchors, [])
  t.equal(htmlToText('<div class="x"><div>in</div>still in</div>out', { dropClasses: ['x'] }).text, 'out')
})

t.test('lists, block quotes and comments', async (t) => {
  t.equal(htmlToText('<ul><li>one</li><li>two</li></ul><blockquote><p>quoted</p></blockquote><!-- hidden -->end').text, 'one\ntwo\n\nquoted\n\nend')
  t.equal(htmlToText('').text, '')
  t.equal(htmlToText('plain & simple').text, 'plain & simple', 'a bare ampersand is kept')
})
