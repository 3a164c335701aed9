import { generateSecret, generateURI, verifySync } from 'otplib';
import QRCode from 'qrcode';

export const newTotpSecret = () => generateSecret();

export async function totpEnrolment(secret: string, email: string) {
  const otpauthUri = generateURI({ issuer: 'Weerbaar', label: email, secret });
  const qrSvg = await QRCode.toString(otpauthUri, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
  return { secret, otpauthUri, qrSvg };
}

/**
 * Checks a code with ±1 step tolerance. Returns the accepted time step, or null.
 * A step at or before lastStep is refused: a code can be used once.
 */
export function checkTotp(secret: string, code: string, lastStep: number | null): number | null {
  try {
    const r = verifySync({ secret, token: code, epochTolerance: 30, ...(lastStep != null ? { afterTimeStep: lastStep } : {}) }) as {
      valid: boolean;
      timeStep?: number;
    };
    return r.valid ? (r.timeStep ?? 0) : null;
  } catch {
    return null;
  }
}
