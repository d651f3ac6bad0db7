import { Injectable } from '@nestjs/common';
import { hash, verify } from '@node-rs/argon2';

// Argon2id (2) with OWASP's recommended minimum: 19 MiB, 2 passes, 1 lane. Parameters are stored in
// each hash, so raising them later affects new hashes only.
const OPTIONS = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/** Passwords as argon2id hashes, computed off the event loop (libuv's thread pool). */
@Injectable()
export class PasswordHasher {
  // Compared against when there is no account, so "no such account" costs as long as a wrong password.
  private readonly decoy = hash('decoy password, never valid', OPTIONS);

  hash(password: string): Promise<string> {
    return hash(password, OPTIONS);
  }

  /** False for a missing hash too, after the same work, so timing does not tell accounts apart. */
  async verify(passwordHash: string | null, password: string): Promise<boolean> {
    if (!passwordHash) {
      await verify(await this.decoy, password).catch(() => false);
      return false;
    }
    return verify(passwordHash, password).catch(() => false);
  }
}
