-- Plan documents imported for review (issue 5, point 7): an uploaded file is read and its targets
-- and tasks extracted (domain/extract); a coordinator of the issuing unit reviews each item
-- (accept, edit, reject; match a target to an indicator or ask for a new one; choose lead and
-- cooperating units) and publishes the whole as a plan with its targets and tasks, in one
-- transaction. Drafts stay as working documents: discarded ones are kept (status), never deleted,
-- so the audit trail can point at them.
CREATE TABLE plan_imports (
  id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  file_id           bigint NOT NULL REFERENCES files(id),
  filename          text   NOT NULL,
  format            text   NOT NULL CHECK (format IN ('txt','md','docx','pdf')),
  -- How the file was read (encoding, pages, the reader's warnings).
  reading           jsonb  NOT NULL DEFAULT '{}',
  -- The unit that will issue the plan: whoever holds 'plan.write' over it reviews and publishes.
  org_unit_id       bigint NOT NULL REFERENCES org_units(id),
  status            text   NOT NULL DEFAULT 'draft' CHECK (status IN ('draft','published','discarded')),
  -- The ExtractionResult (domain/extract/types.ts): source text, items and their spans.
  result            jsonb  NOT NULL,
  -- What the extraction proposed for each item (domain/extract/planReview.ts), kept to tell an
  -- accepted item from an edited one.
  proposal          jsonb  NOT NULL,
  -- The reviewer's decisions: per target and task accepted / edited / rejected with the edits,
  -- the indicator chosen or to be created, lead and cooperating units; the plan's own fields.
  review            jsonb  NOT NULL,
  published_plan_id bigint REFERENCES plans(id),
  created_by        bigint NOT NULL REFERENCES users(id),
  created_at        timestamptz NOT NULL DEFAULT now(),
  updated_at        timestamptz NOT NULL DEFAULT now(),
  published_at      timestamptz,
  CHECK ((status = 'published') = (published_plan_id IS NOT NULL)),
  CHECK ((status = 'published') = (published_at IS NOT NULL))
);
CREATE INDEX plan_imports_unit ON plan_imports (org_unit_id, status, id DESC);
CREATE INDEX plan_imports_file ON plan_imports (file_id);
