-- Foundation: organisation units with closure table and lineage, people and access, sessions, audit.

CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE org_units (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  code        text NOT NULL,
  name        text NOT NULL,
  short_name  text,
  kind        text NOT NULL CHECK (kind IN ('province','district','commune','ward','special_zone','department','block','organization')),
  parent_id   bigint REFERENCES org_units(id),
  valid_from  date,
  closed_on   date,
  search_key  text NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now(),
  CHECK (parent_id IS NULL OR parent_id <> id),
  CHECK (closed_on IS NULL OR valid_from IS NULL OR closed_on >= valid_from)
);
-- Official codes are reused by the 2025 arrangement (a new commune keeps one predecessor's code),
-- so a code is unique among open units only.
CREATE UNIQUE INDEX org_units_open_code ON org_units (code) WHERE closed_on IS NULL;
CREATE INDEX org_units_code ON org_units (code);
CREATE INDEX org_units_parent ON org_units (parent_id);
CREATE INDEX org_units_search_trgm ON org_units USING gin (search_key gin_trgm_ops);

CREATE TABLE org_unit_closure (
  ancestor_id   bigint NOT NULL REFERENCES org_units(id),
  descendant_id bigint NOT NULL REFERENCES org_units(id),
  depth         int    NOT NULL CHECK (depth >= 0),
  PRIMARY KEY (ancestor_id, descendant_id)
);
CREATE INDEX org_unit_closure_descendant ON org_unit_closure (descendant_id, depth);

-- predecessor → successor: 'full' when the whole predecessor went into the successor (merged into),
-- 'partial' when only part of it did (the successor was split from it).
CREATE TABLE org_unit_lineage (
  id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  predecessor_id bigint NOT NULL REFERENCES org_units(id),
  successor_id   bigint NOT NULL REFERENCES org_units(id),
  share          text NOT NULL CHECK (share IN ('full','partial')),
  effective_date date,
  note           text,
  UNIQUE (predecessor_id, successor_id),
  CHECK (predecessor_id <> successor_id)
);
CREATE INDEX org_unit_lineage_successor ON org_unit_lineage (successor_id);

CREATE TABLE users (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  username        text NOT NULL,
  full_name       text NOT NULL,
  email           text,
  password_hash   text NOT NULL,
  is_active       boolean NOT NULL DEFAULT true,
  locale          text NOT NULL DEFAULT 'vi' CHECK (locale IN ('vi','en')),
  failed_logins   int NOT NULL DEFAULT 0,
  locked_until    timestamptz,
  last_login_at   timestamptz,
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX users_username ON users (lower(username));

CREATE TABLE memberships (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  user_id     bigint NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  org_unit_id bigint NOT NULL REFERENCES org_units(id),
  role        text NOT NULL CHECK (role IN ('reporter','approver','coordinator','leader','admin')),
  created_at  timestamptz NOT NULL DEFAULT now(),
  UNIQUE (user_id, org_unit_id, role)
);
CREATE INDEX memberships_unit ON memberships (org_unit_id);

-- The cookie carries a random token; only its SHA-256 is stored, so a database dump opens no session.
CREATE TABLE sessions (
  token_hash   text PRIMARY KEY,
  user_id      bigint NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  csrf_token   text NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now(),
  expires_at   timestamptz NOT NULL,
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  ip           text,
  user_agent   text
);
CREATE INDEX sessions_user ON sessions (user_id);
CREATE INDEX sessions_expires ON sessions (expires_at);

CREATE TABLE login_attempts (
  id        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  username  text NOT NULL,
  ip        text,
  success   boolean NOT NULL,
  at        timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX login_attempts_ip_at ON login_attempts (ip, at);

CREATE TABLE audit_events (
  id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at             timestamptz NOT NULL DEFAULT clock_timestamp(),
  actor_user_id  bigint,
  actor_username text,
  action         text NOT NULL,
  entity_type    text NOT NULL,
  entity_id      text,
  org_unit_id    bigint,
  before         jsonb,
  after          jsonb,
  ip             text,
  request_id     text
);
CREATE INDEX audit_events_at ON audit_events (at DESC, id DESC);
CREATE INDEX audit_events_entity ON audit_events (entity_type, entity_id);
CREATE INDEX audit_events_actor ON audit_events (actor_username);

-- Append-only: no request, whatever its bug, can rewrite or erase history.
CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_events is append-only' USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER audit_events_no_update BEFORE UPDATE OR DELETE ON audit_events
  FOR EACH ROW EXECUTE FUNCTION audit_events_append_only();
CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
  FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only();
