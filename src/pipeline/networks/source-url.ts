import { z } from 'zod'

// A network address a source points at. http is accepted here and refused by the operator's
// policy unless allowed (src/tenancy/sources/check-source-urls.ts); user and password never go
// into a URL, they are credentials.
export const sourceUrl = z.url({ protocol: /^https?$/ }).max(2000)
  .refine((u) => !URL.canParse(u) || (!new URL(u).username && !new URL(u).password), 'no user or password in the URL (put secrets in credentials)')
