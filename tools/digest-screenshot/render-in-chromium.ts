import { chromium } from 'playwright-core'

export const CHROMIUM_PATH = '/usr/bin/chromium'

const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync']

export interface ChromiumRendering {
  /** console.error / console.warn messages and uncaught page errors. */
  problems: string[]
  /** Requests the page tried to make (an email must need none: no remote image, font or script). */
  requests: string[]
  /** Widest the document got, against the viewport (wider means sideways scrolling on a phone). */
  scrollWidth: number
  viewportWidth: number
  /** The text a reader sees. */
  text: string
  screenshot: Buffer
}

/**
 * Opens an email's HTML in headless Chromium with every network request blocked and recorded,
 * and takes a full-page screenshot.
 */
export async function renderInChromium(html: string, options: { width?: number; executablePath?: string } = {}): Promise<ChromiumRendering> {
  const browser = await chromium.launch({ executablePath: options.executablePath ?? CHROMIUM_PATH, args: ARGS })
  try {
    const viewportWidth = options.width ?? 390
    const page = await browser.newPage({ viewport: { width: viewportWidth, height: 800 } })
    const problems: string[] = []
    const requests: string[] = []
    page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`) })
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`))
    await page.route('**/*', (route) => {
      requests.push(route.request().url())
      return route.abort()
    })
    await page.setContent(html, { waitUntil: 'load' })
    const scrollWidth = await page.evaluate('document.documentElement.scrollWidth') as number
    const text = await page.innerText('body')
    const screenshot = await page.screenshot({ fullPage: true, type: 'png' })
    return { problems, requests, scrollWidth, viewportWidth, text, screenshot }
  } finally {
    await browser.close()
  }
}
