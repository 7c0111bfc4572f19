import type { Generated } from 'kysely';

/** The admin tab's tables (migration 0002) as Kysely sees them; joined with the core tables through `withTables`. */
// A type alias, not an interface: Kysely's `withTables` needs an index-signature-compatible record.
export type AdminTables = {
  admin_notifications: {
    id: string;
    tenant_id: string;
    title: string;
    content: string;
    audience: string | null;
    created_by: string;
    created_at: number;
    updated_at: number;
  };
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
