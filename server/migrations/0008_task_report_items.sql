-- Periodic task reporting through report forms (issue 4, item 3): besides its indicators, a form may
-- carry task sets — "the open tasks the reporting unit leads" in one plan (and the plans implementing
-- it) or, with plan_id NULL, in every plan. A submission of the form by a unit for a period then
-- stages one row per such task (progress, a state change, a note); approval applies the rows to the
-- tasks through the task commands, so the task's timeline and the audit trail name the submission.
-- A form of period type 'day' with a task set is the daily report of seed 004.

CREATE TABLE report_form_task_sets (
  id       bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  form_id  bigint NOT NULL REFERENCES report_forms(id) ON DELETE CASCADE,
  plan_id  bigint REFERENCES plans(id) ON DELETE CASCADE,
  position int    NOT NULL
);
CREATE UNIQUE INDEX report_form_task_sets_unique ON report_form_task_sets (form_id, coalesce(plan_id, 0));
CREATE INDEX report_form_task_sets_plan ON report_form_task_sets (plan_id) WHERE plan_id IS NOT NULL;

-- The staged task rows of a submission, applied to the tasks on approval.
CREATE TABLE submission_task_values (
  submission_id bigint NOT NULL REFERENCES submissions(id) ON DELETE CASCADE,
  task_id       bigint NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
  progress      int  CHECK (progress BETWEEN 0 AND 100),
  state         text CHECK (state IN ('in_progress','completed','paused')),
  note          text,
  updated_by    bigint REFERENCES users(id),
  updated_at    timestamptz NOT NULL DEFAULT clock_timestamp(),
  PRIMARY KEY (submission_id, task_id),
  CHECK (progress IS NOT NULL OR state IS NOT NULL OR note IS NOT NULL)
);
CREATE INDEX submission_task_values_task ON submission_task_values (task_id);
