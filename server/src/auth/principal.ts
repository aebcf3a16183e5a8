export const ROLES = ["curator", "reviewer"] as const;
export type Role = (typeof ROLES)[number];

/** Who a request acts as, established from its bearer token. */
export interface Principal {
  tokenId: string;
  /** The name the token was issued to; recorded as the actor of every change. */
  name: string;
  role: Role;
}
