import { hash, verify } from '@node-rs/argon2';
import { dictionary } from '@zxcvbn-ts/language-common';

// argon2id with the OWASP minimum parameters (m=19 MiB, t=2, p=1).
const OPTIONS = { algorithm: 2 as const, memoryCost: 19456, timeCost: 2, parallelism: 1 };

export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 256;

let common: Set<string> | undefined;
function commonPasswords(): Set<string> {
  common ??= new Set((dictionary['passwords-common'] as string[]).map((p) => p.toLowerCase()));
  return common;
}

/** Returns a Dutch explanation when the password is not acceptable, else null. No composition rules. */
export function passwordProblem(password: string, context: string[] = []): string | null {
  if ([...password].length < MIN_PASSWORD_LENGTH) return `Het wachtwoord moet minstens ${MIN_PASSWORD_LENGTH} tekens lang zijn.`;
  if (password.length > MAX_PASSWORD_LENGTH) return `Het wachtwoord mag hoogstens ${MAX_PASSWORD_LENGTH} tekens lang zijn.`;
  const lower = password.toLowerCase();
  if (commonPasswords().has(lower)) return 'Dit wachtwoord staat op de lijst van veelgebruikte wachtwoorden. Kies een ander.';
  if (/^(.)\1+$/.test(password)) return 'Dit wachtwoord bestaat uit één herhaald teken. Kies een ander.';
  for (const c of context) {
    if (c && c.length >= 4 && lower.includes(c.toLowerCase())) return 'Het wachtwoord mag uw e-mailadres of naam niet bevatten.';
  }
  return null;
}

export const hashPassword = (password: string) => hash(password, OPTIONS);

export async function verifyPassword(stored: string | null, password: string): Promise<boolean> {
  if (!stored) {
    // Spend the same time as a real verification, so an unknown account is not revealed by timing.
    dummyHash ??= hash('weerbaar-timing-equaliser', OPTIONS);
    await verify(await dummyHash, password).catch(() => false);
    return false;
  }
  return verify(stored, password).catch(() => false);
}

let dummyHash: Promise<string> | undefined;
