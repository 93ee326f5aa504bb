-- Plans as a tree with their documents, and tasks with the "6 rõ" (seed 004): rõ người (responsible
-- person), rõ việc (title, description), rõ thời gian (start, due), rõ trách nhiệm (lead and
-- cooperating units), rõ sản phẩm (deliverable), rõ thẩm quyền (approving authority). Progress
-- updates with evidence files, comments, budgets by funding source, and in-app notifications.

-- Uploaded files live in PostgreSQL (design.md: the one stateful dependency). Content is checked
-- (type by magic bytes, size) before it gets here.
CREATE TABLE files (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  name         text   NOT NULL,
  content_type text   NOT NULL,
  size         int    NOT NULL CHECK (size >= 0),
  sha256       text   NOT NULL,
  content      bytea  NOT NULL,
  uploaded_by  bigint REFERENCES users(id),
  uploaded_at  timestamptz NOT NULL DEFAULT now()
);

ALTER TABLE plans
  ADD COLUMN parent_plan_id   bigint REFERENCES plans(id),
  ADD COLUMN horizon_from     int,
  ADD COLUMN summary          text,
  ADD COLUMN document_file_id bigint REFERENCES files(id),
  ADD COLUMN created_by       bigint REFERENCES users(id);
CREATE INDEX plans_parent ON plans (parent_plan_id);

-- state is what people set; "overdue" and "late" are computed from due_date and completed_on,
-- never stored (domain/tasks.ts).
CREATE TABLE tasks (
  id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  plan_id             bigint NOT NULL REFERENCES plans(id),
  parent_task_id      bigint REFERENCES tasks(id),
  ref                 text,                       -- reference within the plan: "II.1.c.(2)"
  group_name          text,                       -- the appendix's group: "Nhiệm vụ thường xuyên", …
  title               text   NOT NULL,
  description         text,
  lead_unit_id        bigint NOT NULL REFERENCES org_units(id),
  responsible_user_id bigint REFERENCES users(id),
  responsible_name    text,                       -- rõ người when the person has no account
  deliverable         text,                       -- rõ sản phẩm
  approving_authority text,                       -- rõ thẩm quyền
  start_date          date,
  due_date            date,
  schedule_note       text,                       -- "Thường xuyên", "Hằng năm", as the plan words it
  state               text   NOT NULL DEFAULT 'not_started'
                      CHECK (state IN ('not_started','in_progress','completed','paused','cancelled')),
  state_reason        text,
  progress            int    NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
  completed_on        date,
  sort_order          int    NOT NULL DEFAULT 0,
  created_by          bigint REFERENCES users(id),
  created_at          timestamptz NOT NULL DEFAULT now(),
  updated_at          timestamptz NOT NULL DEFAULT now(),
  CHECK (start_date IS NULL OR due_date IS NULL OR start_date <= due_date),
  CHECK ((state = 'completed') = (completed_on IS NOT NULL)),
  CHECK (state NOT IN ('paused','cancelled') OR state_reason IS NOT NULL)
);
CREATE INDEX tasks_plan ON tasks (plan_id, sort_order, id);
CREATE INDEX tasks_lead ON tasks (lead_unit_id);
CREATE INDEX tasks_parent ON tasks (parent_task_id);
CREATE INDEX tasks_due ON tasks (due_date) WHERE state IN ('not_started','in_progress');

CREATE TABLE task_cooperating_units (
  task_id     bigint NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
  org_unit_id bigint NOT NULL REFERENCES org_units(id),
  PRIMARY KEY (task_id, org_unit_id)
);
CREATE INDEX task_cooperating_units_unit ON task_cooperating_units (org_unit_id);

CREATE TABLE task_targets (
  task_id   bigint NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
  target_id bigint NOT NULL REFERENCES targets(id) ON DELETE CASCADE,
  PRIMARY KEY (task_id, target_id)
);

-- The timeline: progress reports, comments and state changes, append-only like the audit trail.
CREATE TABLE task_updates (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  task_id     bigint NOT NULL REFERENCES tasks(id),
  kind        text   NOT NULL CHECK (kind IN ('progress','comment','state','edit')),
  body        text,
  progress    int CHECK (progress BETWEEN 0 AND 100),
  state_from  text,
  state_to    text,
  detail      jsonb,
  author_id   bigint REFERENCES users(id),
  created_at  timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX task_updates_task ON task_updates (task_id, id);
CREATE FUNCTION append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER task_updates_append_only BEFORE UPDATE OR DELETE ON task_updates
  FOR EACH ROW EXECUTE FUNCTION append_only();

CREATE TABLE task_update_files (
  update_id bigint NOT NULL REFERENCES task_updates(id),
  file_id   bigint NOT NULL REFERENCES files(id),
  PRIMARY KEY (update_id, file_id)
);

-- Budget lines by funding source (seed 004: chi thường xuyên, sự nghiệp CNTT, đầu tư công, quỹ phát
-- triển của đơn vị); year NULL is the task's whole need, a year its need and money for that year.
CREATE TABLE budget_lines (
  id        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  task_id   bigint NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
  source    text   NOT NULL CHECK (source IN ('chi_thuong_xuyen','su_nghiep_cntt','dau_tu_cong','quy_phat_trien','xa_hoi_hoa','khac')),
  year      int,
  requested numeric(20,0) CHECK (requested >= 0),   -- nhu cầu kinh phí, VND
  approved  numeric(20,0) CHECK (approved >= 0),    -- dự toán được duyệt
  allocated numeric(20,0) CHECK (allocated >= 0),   -- đã phân bổ
  disbursed numeric(20,0) CHECK (disbursed >= 0),   -- đã giải ngân
  note      text
);
CREATE UNIQUE INDEX budget_lines_key ON budget_lines (task_id, source, coalesce(year, 0));

-- In-app notifications (reminders of due and overdue tasks, …). dedup_key makes a reminder job
-- safe to run twice: one "due tomorrow" per task, person and due date.
CREATE TABLE notifications (
  id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  user_id    bigint NOT NULL REFERENCES users(id),
  kind       text   NOT NULL,
  title      text   NOT NULL,
  body       text,
  link       text,
  task_id    bigint REFERENCES tasks(id) ON DELETE CASCADE,
  dedup_key  text,
  emailed_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  read_at    timestamptz
);
CREATE UNIQUE INDEX notifications_dedup ON notifications (user_id, dedup_key) WHERE dedup_key IS NOT NULL;
CREATE INDEX notifications_user ON notifications (user_id, id DESC);
