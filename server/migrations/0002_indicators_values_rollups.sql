-- Indicators, minimal plans, targets, reported values with history, and the rollups the dashboards read.

CREATE TABLE indicators (
  id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  code              text NOT NULL,
  name              text NOT NULL,
  description       text,
  unit              text NOT NULL,
  pillar            text,
  direction         text NOT NULL DEFAULT 'higher' CHECK (direction IN ('higher','lower')),
  space_aggregation text NOT NULL CHECK (space_aggregation IN ('sum','ratio','avg','min','max')),
  time_aggregation  text NOT NULL CHECK (time_aggregation IN ('sum','latest','avg','min','max')),
  period_type       text NOT NULL DEFAULT 'month' CHECK (period_type IN ('day','week','month','quarter','half','year')),
  decimals          int  NOT NULL DEFAULT 2 CHECK (decimals BETWEEN 0 AND 6),
  min_value         double precision,
  max_value         double precision,
  is_demo           boolean NOT NULL DEFAULT false,
  search_key        text NOT NULL,
  archived_at       timestamptz,
  created_at        timestamptz NOT NULL DEFAULT now(),
  updated_at        timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX indicators_code ON indicators (lower(code));
CREATE INDEX indicators_search_trgm ON indicators USING gin (search_key gin_trgm_ops);

CREATE TABLE plans (
  id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  kind           text NOT NULL,
  number         text NOT NULL,
  issuer_unit_id bigint REFERENCES org_units(id),
  issued_on      date,
  title          text NOT NULL,
  horizon_year   int,
  created_at     timestamptz NOT NULL DEFAULT now(),
  updated_at     timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX plans_number ON plans (lower(number), coalesce(issuer_unit_id, 0));

-- A target applies to one unit (scope 'unit') or to every open unit of a level under an anchor unit
-- (scope 'level': "cấp xã" of Hải Phòng); a value or a range, compared by the comparator.
CREATE TABLE targets (
  id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  plan_id          bigint REFERENCES plans(id) ON DELETE SET NULL,
  indicator_id     bigint NOT NULL REFERENCES indicators(id),
  scope            text NOT NULL CHECK (scope IN ('unit','level')),
  org_unit_id      bigint NOT NULL REFERENCES org_units(id),
  level            text CHECK (level IN ('province','district','commune','department')),
  year             int NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  comparator       text NOT NULL DEFAULT '>=' CHECK (comparator IN ('>=','>','<=','<','=','between')),
  value            double precision NOT NULL,
  value_max        double precision,
  parent_target_id bigint REFERENCES targets(id) ON DELETE SET NULL,
  note             text,
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now(),
  CHECK ((scope = 'level') = (level IS NOT NULL)),
  CHECK (comparator <> 'between' OR (value_max IS NOT NULL AND value_max >= value))
);
CREATE INDEX targets_indicator ON targets (indicator_id, year);
CREATE INDEX targets_plan ON targets (plan_id);

-- One row per indicator × unit × period: the current value. Its history is in data_value_history.
CREATE TABLE data_values (
  indicator_id  bigint NOT NULL REFERENCES indicators(id),
  org_unit_id   bigint NOT NULL REFERENCES org_units(id),
  period_id     text   NOT NULL,
  period_type   text   NOT NULL,
  period_start  date   NOT NULL,
  period_end    date   NOT NULL,
  value         double precision,
  numerator     double precision,
  denominator   double precision,
  comment       text,
  source        text NOT NULL CHECK (source IN ('form','api','import','demo')),
  updated_by    bigint REFERENCES users(id),
  updated_at    timestamptz NOT NULL DEFAULT clock_timestamp(),
  PRIMARY KEY (indicator_id, org_unit_id, period_id)
);
CREATE INDEX data_values_unit ON data_values (org_unit_id, indicator_id, period_start);

CREATE TABLE data_value_history (
  id                   bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  indicator_id         bigint NOT NULL,
  org_unit_id          bigint NOT NULL,
  period_id            text NOT NULL,
  action               text NOT NULL CHECK (action IN ('insert','update','delete')),
  value                double precision,
  numerator            double precision,
  denominator          double precision,
  previous_value       double precision,
  previous_numerator   double precision,
  previous_denominator double precision,
  comment              text,
  source               text,
  changed_by           bigint,
  changed_at           timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX data_value_history_cell ON data_value_history (indicator_id, org_unit_id, period_id, id);

-- Every change to a value leaves a history row and a dirty mark for the rollup worker, whatever
-- path wrote it (API, form, import, COPY). Who and how come from SET LOCAL dxpulse.actor_id/source.
CREATE FUNCTION data_values_track() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  actor bigint := nullif(current_setting('dxpulse.actor_id', true), '')::bigint;
  how   text   := coalesce(nullif(current_setting('dxpulse.source', true), ''), 'api');
BEGIN
  IF TG_OP = 'DELETE' THEN
    INSERT INTO data_value_history (indicator_id, org_unit_id, period_id, action, previous_value, previous_numerator, previous_denominator, source, changed_by)
    VALUES (OLD.indicator_id, OLD.org_unit_id, OLD.period_id, 'delete', OLD.value, OLD.numerator, OLD.denominator, how, actor);
    INSERT INTO rollup_dirty (indicator_id, org_unit_id, period_id) VALUES (OLD.indicator_id, OLD.org_unit_id, OLD.period_id)
      ON CONFLICT DO NOTHING;
  ELSIF TG_OP = 'UPDATE' AND OLD.value IS NOT DISTINCT FROM NEW.value AND OLD.numerator IS NOT DISTINCT FROM NEW.numerator
        AND OLD.denominator IS NOT DISTINCT FROM NEW.denominator AND OLD.comment IS NOT DISTINCT FROM NEW.comment THEN
    RETURN NEW;
  ELSE
    INSERT INTO data_value_history (indicator_id, org_unit_id, period_id, action, value, numerator, denominator,
                                    previous_value, previous_numerator, previous_denominator, comment, source, changed_by)
    VALUES (NEW.indicator_id, NEW.org_unit_id, NEW.period_id, lower(TG_OP), NEW.value, NEW.numerator, NEW.denominator,
            CASE WHEN TG_OP = 'UPDATE' THEN OLD.value END, CASE WHEN TG_OP = 'UPDATE' THEN OLD.numerator END,
            CASE WHEN TG_OP = 'UPDATE' THEN OLD.denominator END, NEW.comment, coalesce(NEW.source, how), actor);
    INSERT INTO rollup_dirty (indicator_id, org_unit_id, period_id) VALUES (NEW.indicator_id, NEW.org_unit_id, NEW.period_id)
      ON CONFLICT DO NOTHING;
  END IF;
  PERFORM pg_notify('dxpulse_rollup', '');
  RETURN coalesce(NEW, OLD);
END $$;

-- Summaries per indicator × unit (its whole subtree) × period, mergeable: sums, counts, extremes,
-- numerators and denominators. `value` is the indicator's figure derived from them.
CREATE TABLE rollups (
  indicator_id bigint NOT NULL REFERENCES indicators(id) ON DELETE CASCADE,
  org_unit_id  bigint NOT NULL REFERENCES org_units(id),
  period_id    text   NOT NULL,
  period_type  text   NOT NULL,
  sum          double precision NOT NULL,
  count        int    NOT NULL,
  min          double precision,
  max          double precision,
  numerator    double precision NOT NULL,
  denominator  double precision NOT NULL,
  value        double precision,
  updated_at   timestamptz NOT NULL DEFAULT clock_timestamp(),
  PRIMARY KEY (indicator_id, org_unit_id, period_id)
);
CREATE INDEX rollups_unit_period ON rollups (org_unit_id, period_id);

-- Cells whose rollup must be recomputed. Writers only insert their own unit's cell, so hundreds of
-- submitters never queue on a shared row; the single worker walks the marks up the tree.
CREATE TABLE rollup_dirty (
  indicator_id bigint NOT NULL,
  org_unit_id  bigint NOT NULL,
  period_id    text   NOT NULL,
  marked_at    timestamptz NOT NULL DEFAULT clock_timestamp(),
  PRIMARY KEY (indicator_id, org_unit_id, period_id)
);

CREATE TRIGGER data_values_track AFTER INSERT OR UPDATE OR DELETE ON data_values
  FOR EACH ROW EXECUTE FUNCTION data_values_track();

-- Replays of a bulk write with the same Idempotency-Key get the first answer back.
CREATE TABLE idempotency_keys (
  user_id      bigint NOT NULL,
  key          text   NOT NULL,
  request_hash text   NOT NULL,
  status       int    NOT NULL,
  response     jsonb  NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (user_id, key)
);
