/** What an e-mail address typed into a public form must look like (reports, subscriptions). */

export const emailMaxLength = 254;

// A practical shape check (RFC 5321 length limits, an @, a dotted domain), not full RFC 5322.
const emailShape = /^[^\s@<>()[\]\\,;:"]+@[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?(?:\.[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?)+$/u;

/** Whether a trimmed address has the shape of one (its local part at most 64 characters). */
export function looksLikeEmail(email: string): boolean {
  return email.length <= emailMaxLength && emailShape.test(email) && email.split('@')[0]!.length <= 64;
}
