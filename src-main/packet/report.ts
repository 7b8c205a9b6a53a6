/** The verification report's shape: plain types, shared by the verifier, the API and the renderer. */
import type { Manifest } from './manifest';

export interface Fault {
  /** Stable, for programs: UNSAFE_PATH, CHECKSUM_MISMATCH … */
  code: string;
  /** Chinese, for the person reading the report. */
  message: string;
  /** The entry the fault is about, when there is one. */
  entry?: string;
}

export interface VerifyReport {
  ok: boolean;
  path: string;
  fileName: string;
  /** Of the packet file; null when it could not be read. */
  size: number | null;
  sha256: string | null;
  faults: Fault[];
  /** The manifest, when it was found and passed its schema. */
  manifest: Manifest | null;
  /** Every entry that could be read, with the SHA-256 of its bytes. */
  entries: { name: string; size: number; sha256: string }[];
}
