/**
 * What will not work with the settings the service started with, said once at start (standard
 * error): a digest created without SMTP_URL is never sent, and without PUBLIC_URL every link
 * Relais writes for someone else (digests, invitations) points at the address it listens on.
 */
export function deliveryWarnings(settings: { smtpUrl: string | undefined; publicUrl: string | undefined }, listeningOn: string): string[] {
  const warnings: string[] = []
  if (!settings.smtpUrl)
    warnings.push('Warning: SMTP_URL is not set, so weekly digests are not sent. Subscriptions can be created and previewed; the digest job fails until SMTP_URL names a mail server (smtp://user:pass@host:587).')
  if (!settings.publicUrl)
    warnings.push(`Warning: PUBLIC_URL is not set, so links in digest emails, invitations and the setup link point at ${listeningOn}, which people on other machines may not reach. Set PUBLIC_URL to the address people open Relais at (https://relais.example.org).`)
  return warnings
}
