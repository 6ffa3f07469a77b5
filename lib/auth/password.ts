// ACC-9: passwords are hashed with argon2id (memory-hard); at least 12 characters.
import { hash, verify } from '@node-rs/argon2';

export { PASSWORD_MIN_LENGTH, passwordSchema } from './password-schema';

// OWASP's argon2id baseline: 19 MiB memory, 2 iterations, 1 lane.
const OPTIONS = { algorithm: 2 /* Algorithm.Argon2id; a const enum, not importable under isolatedModules */, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(hashed: string | null, password: string): Promise<boolean> {
  if (!hashed) {
    // Spend the same time as a real check so unknown emails cannot be told apart by timing.
    await hash(password, OPTIONS);
    return false;
  }
  try {
    return await verify(hashed, password);
  } catch {
    return false;
  }
}
