import { getDb } from '@/db/client';
import { SandboxProcessor } from './sandbox-processor';

/** The processor the app uses. Swap in a real implementation of PaymentProcessor here. */
export const sandboxProcessor = new SandboxProcessor(getDb);
export const processor = sandboxProcessor;
