// The organization's public signing key as Settings shows it (decision 0028).
export interface SigningKeyView {
  algorithm: "Ed25519";
  /** sha256 of the raw 32-byte public key, hex */
  fingerprint: string;
  fingerprintGrouped: string;
  publicKeyPem: string;
  createdAt: string;
}

export interface CheckpointView {
  id: string;
  kind: "SIGNOFF" | "PACK_EXPORT";
  treeSize: number;
  rootHash: string;
  timestamp: string;
  note: string;
  periodId: string | null;
  reportVersionId: string | null;
}
