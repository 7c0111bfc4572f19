import type { Generated } from 'kysely';

/** The tables of roles, the audit log and images (migration 0002) as Kysely sees them; joined with the core tables through `withTables`. */
// A type alias, not an interface: Kysely's `withTables` needs an index-signature-compatible record.
export type AdminTables = {
  admin_roles: {
    tenant_id: string;
    user_id: string;
    upn: string;
    display_name: string;
    role: string;
    audience_kinds: string;
    updated_by: string;
    updated_at: number;
  };
  admin_audit: {
    id: Generated<number>;
    tenant_id: string;
    at: number;
    actor: string;
    action: string;
    target: string;
    details: string | null;
  };
  admin_images: {
    id: string;
    tenant_id: string;
    content_type: string;
    bytes: Buffer;
    created_by: string;
    created_at: number;
  };
};
