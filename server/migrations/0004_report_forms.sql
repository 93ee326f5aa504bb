-- Report forms (biểu mẫu báo cáo), their assignment to units, and submissions with their staging,
-- workflow and trace. Only approved numbers reach data_values (see server/commands/submissions.ts).

-- A form groups indicators of one period type and carries the reporting regime's schedule
-- (Nghị định 09/2019: tần suất, thời gian chốt số liệu, thời hạn gửi).
CREATE TABLE report_forms (
  id                   bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  code                 text NOT NULL,
  name                 text NOT NULL,
  description          text,
  period_type          text NOT NULL CHECK (period_type IN ('day','week','month','quarter','half','year')),
  cutoff               text NOT NULL DEFAULT 'calendar' CHECK (cutoff IN ('calendar','nd09')),
  deadline_offset_days int  NOT NULL DEFAULT 0 CHECK (deadline_offset_days BETWEEN -366 AND 366),
  deadline_from        text NOT NULL DEFAULT 'periodEnd' CHECK (deadline_from IN ('periodEnd','windowEnd')),
  -- The first period the form is due for; earlier periods never show as owed in an inbox.
  first_period         text,
  owner_unit_id        bigint NOT NULL REFERENCES org_units(id),
  active               boolean NOT NULL DEFAULT true,
  created_at           timestamptz NOT NULL DEFAULT now(),
  updated_at           timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX report_forms_code ON report_forms (lower(code));

CREATE TABLE report_form_items (
  form_id      bigint NOT NULL REFERENCES report_forms(id) ON DELETE CASCADE,
  indicator_id bigint NOT NULL REFERENCES indicators(id),
  position     int    NOT NULL,
  required     boolean NOT NULL DEFAULT true,
  PRIMARY KEY (form_id, indicator_id)
);
CREATE INDEX report_form_items_indicator ON report_form_items (indicator_id);

-- Cross-indicator rules in the small expression language of domain/forms.ts ("HS_TRUC_TUYEN <= HS_TONG").
CREATE TABLE report_form_rules (
  id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  form_id    bigint NOT NULL REFERENCES report_forms(id) ON DELETE CASCADE,
  position   int    NOT NULL,
  expression text   NOT NULL,
  message    text
);
CREATE INDEX report_form_rules_form ON report_form_rules (form_id, position);

-- Named sets of units a form can be assigned to ("các sở có dịch vụ công trực tuyến").
CREATE TABLE org_unit_groups (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  code          text NOT NULL,
  name          text NOT NULL,
  description   text,
  owner_unit_id bigint NOT NULL REFERENCES org_units(id),
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX org_unit_groups_code ON org_unit_groups (lower(code));

CREATE TABLE org_unit_group_members (
  group_id    bigint NOT NULL REFERENCES org_unit_groups(id) ON DELETE CASCADE,
  org_unit_id bigint NOT NULL REFERENCES org_units(id),
  PRIMARY KEY (group_id, org_unit_id)
);
CREATE INDEX org_unit_group_members_unit ON org_unit_group_members (org_unit_id);

-- Who reports a form: one unit; every open unit of a level under an anchor unit (the anchor
-- included when it is of that level); or the members of a group.
CREATE TABLE report_form_assignments (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  form_id     bigint NOT NULL REFERENCES report_forms(id) ON DELETE CASCADE,
  kind        text   NOT NULL CHECK (kind IN ('unit','level','group')),
  org_unit_id bigint REFERENCES org_units(id),
  level       text   CHECK (level IN ('province','district','commune','department')),
  group_id    bigint REFERENCES org_unit_groups(id),
  CHECK (
    (kind = 'unit'  AND org_unit_id IS NOT NULL AND level IS NULL     AND group_id IS NULL) OR
    (kind = 'level' AND org_unit_id IS NOT NULL AND level IS NOT NULL AND group_id IS NULL) OR
    (kind = 'group' AND org_unit_id IS NULL     AND level IS NULL     AND group_id IS NOT NULL)
  )
);
CREATE UNIQUE INDEX report_form_assignments_unique ON report_form_assignments (form_id, kind, coalesce(org_unit_id, 0), coalesce(level, ''), coalesce(group_id, 0));
CREATE INDEX report_form_assignments_group ON report_form_assignments (group_id) WHERE group_id IS NOT NULL;

-- One report of a form by a unit for a period: draft → submitted → approved | returned.
-- While submitted or approved its cells (form item × unit × period) are locked against other writers.
CREATE TABLE submissions (
  id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  form_id            bigint NOT NULL REFERENCES report_forms(id),
  org_unit_id        bigint NOT NULL REFERENCES org_units(id),
  period_id          text   NOT NULL,
  period_start       date   NOT NULL,
  period_end         date   NOT NULL,
  status             text   NOT NULL DEFAULT 'draft' CHECK (status IN ('draft','submitted','approved','returned')),
  -- Timeliness is judged on the first submission; submitted_at is the latest.
  first_submitted_at timestamptz,
  submitted_at       timestamptz,
  submitted_by       bigint REFERENCES users(id),
  decided_at         timestamptz,
  decided_by         bigint REFERENCES users(id),
  return_reason      text,
  created_by         bigint REFERENCES users(id),
  created_at         timestamptz NOT NULL DEFAULT now(),
  updated_at         timestamptz NOT NULL DEFAULT now(),
  UNIQUE (form_id, org_unit_id, period_id)
);
CREATE INDEX submissions_unit_period ON submissions (org_unit_id, period_id);
CREATE INDEX submissions_submitted ON submissions (form_id, period_id) WHERE status = 'submitted';

-- The staged values of a submission; copied to data_values when it is approved.
CREATE TABLE submission_values (
  submission_id bigint NOT NULL REFERENCES submissions(id),
  indicator_id  bigint NOT NULL REFERENCES indicators(id),
  value         double precision,
  numerator     double precision,
  denominator   double precision,
  comment       text,
  updated_by    bigint REFERENCES users(id),
  updated_at    timestamptz NOT NULL DEFAULT clock_timestamp(),
  PRIMARY KEY (submission_id, indicator_id)
);

-- The workflow trace, append-only.
CREATE TABLE submission_events (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  submission_id bigint NOT NULL REFERENCES submissions(id),
  action        text   NOT NULL CHECK (action IN ('created','saved','submitted','approved','returned','reopened')),
  from_status   text,
  to_status     text   NOT NULL,
  reason        text,
  detail        jsonb,
  actor_id      bigint REFERENCES users(id),
  at            timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX submission_events_submission ON submission_events (submission_id, id);

CREATE FUNCTION submission_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'submission_events is append-only';
END $$;
CREATE TRIGGER submission_events_append_only BEFORE UPDATE OR DELETE ON submission_events
  FOR EACH ROW EXECUTE FUNCTION submission_events_append_only();
