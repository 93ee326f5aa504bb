-- Set-based value tracking and rollups.
--
-- 1. The per-row data_values trigger becomes three statement-level triggers with transition tables:
--    a 10,000-row import writes its history rows and dirty marks in one INSERT … SELECT each instead
--    of 10,000 trigger calls, and notifies the rollup worker once.
-- 2. rollups carries its unit's parent, with a covering index, so a parent cell reads exactly its
--    children's summaries in one index range (a province has ~100 communes but hundreds of closed
--    former units hanging under it, which hold no rollups and are no longer visited).
-- 3. The three foreign keys of data_values become one set-based check per statement: the row-by-row
--    RI triggers cost a 10,000-row import 30,000 lookups and row locks (a third of its statement
--    time); the check locks each distinct referenced row once (FOR KEY SHARE, as the RI triggers do,
--    so a concurrent delete of a parent waits and then fails) and the parents refuse to be deleted
--    while values reference them.

DROP TRIGGER data_values_track ON data_values;
DROP FUNCTION data_values_track();

CREATE FUNCTION data_values_track_insert() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  actor bigint := nullif(current_setting('dxpulse.actor_id', true), '')::bigint;
  how   text   := coalesce(nullif(current_setting('dxpulse.source', true), ''), 'api');
  missing text;
BEGIN
  -- The parents exist (in place of foreign keys; see 3. above).
  PERFORM 1 FROM indicators WHERE id IN (SELECT DISTINCT indicator_id FROM new_rows) FOR KEY SHARE;
  PERFORM 1 FROM org_units WHERE id IN (SELECT DISTINCT org_unit_id FROM new_rows) FOR KEY SHARE;
  PERFORM 1 FROM users WHERE id IN (SELECT DISTINCT updated_by FROM new_rows WHERE updated_by IS NOT NULL) FOR KEY SHARE;
  SELECT coalesce(
    (SELECT format('indicator_id=%s', n.i) FROM (SELECT DISTINCT indicator_id AS i FROM new_rows) n
      WHERE NOT EXISTS (SELECT 1 FROM indicators x WHERE x.id = n.i) LIMIT 1),
    (SELECT format('org_unit_id=%s', n.u) FROM (SELECT DISTINCT org_unit_id AS u FROM new_rows) n
      WHERE NOT EXISTS (SELECT 1 FROM org_units x WHERE x.id = n.u) LIMIT 1),
    (SELECT format('updated_by=%s', n.b) FROM (SELECT DISTINCT updated_by AS b FROM new_rows WHERE updated_by IS NOT NULL) n
      WHERE NOT EXISTS (SELECT 1 FROM users x WHERE x.id = n.b) LIMIT 1)) INTO missing;
  IF missing IS NOT NULL THEN
    RAISE EXCEPTION 'data_values: no row for %', missing USING ERRCODE = 'foreign_key_violation';
  END IF;
  INSERT INTO data_value_history (indicator_id, org_unit_id, period_id, action, value, numerator, denominator, comment, source, changed_by)
  SELECT n.indicator_id, n.org_unit_id, n.period_id, 'insert', n.value, n.numerator, n.denominator, n.comment, coalesce(n.source, how), actor
  FROM new_rows n;
  INSERT INTO rollup_dirty (indicator_id, org_unit_id, period_id)
  SELECT n.indicator_id, n.org_unit_id, n.period_id FROM new_rows n
  ON CONFLICT DO NOTHING;
  IF FOUND THEN PERFORM pg_notify('dxpulse_rollup', ''); END IF;
  RETURN NULL;
END $$;

-- Rows whose value, parts and comment are unchanged leave no trace. A key change (never done by the
-- application) is recorded as the new key's update and marks both keys.
CREATE FUNCTION data_values_track_update() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  actor bigint := nullif(current_setting('dxpulse.actor_id', true), '')::bigint;
  how   text   := coalesce(nullif(current_setting('dxpulse.source', true), ''), 'api');
  marked int;
  missing text;
BEGIN
  -- The parents exist (in place of foreign keys; see 3. above).
  PERFORM 1 FROM indicators WHERE id IN (SELECT DISTINCT indicator_id FROM new_rows) FOR KEY SHARE;
  PERFORM 1 FROM org_units WHERE id IN (SELECT DISTINCT org_unit_id FROM new_rows) FOR KEY SHARE;
  PERFORM 1 FROM users WHERE id IN (SELECT DISTINCT updated_by FROM new_rows WHERE updated_by IS NOT NULL) FOR KEY SHARE;
  SELECT coalesce(
    (SELECT format('indicator_id=%s', n.i) FROM (SELECT DISTINCT indicator_id AS i FROM new_rows) n
      WHERE NOT EXISTS (SELECT 1 FROM indicators x WHERE x.id = n.i) LIMIT 1),
    (SELECT format('org_unit_id=%s', n.u) FROM (SELECT DISTINCT org_unit_id AS u FROM new_rows) n
      WHERE NOT EXISTS (SELECT 1 FROM org_units x WHERE x.id = n.u) LIMIT 1),
    (SELECT format('updated_by=%s', n.b) FROM (SELECT DISTINCT updated_by AS b FROM new_rows WHERE updated_by IS NOT NULL) n
      WHERE NOT EXISTS (SELECT 1 FROM users x WHERE x.id = n.b) LIMIT 1)) INTO missing;
  IF missing IS NOT NULL THEN
    RAISE EXCEPTION 'data_values: no row for %', missing USING ERRCODE = 'foreign_key_violation';
  END IF;
  WITH changed AS (
    SELECT n.*, o.value AS old_value, o.numerator AS old_numerator, o.denominator AS old_denominator,
           o.indicator_id AS old_indicator_id, o.org_unit_id AS old_org_unit_id, o.period_id AS old_period_id
    FROM new_rows n
    LEFT JOIN old_rows o ON o.indicator_id = n.indicator_id AND o.org_unit_id = n.org_unit_id AND o.period_id = n.period_id
    WHERE o.indicator_id IS NULL
       OR o.value IS DISTINCT FROM n.value OR o.numerator IS DISTINCT FROM n.numerator
       OR o.denominator IS DISTINCT FROM n.denominator OR o.comment IS DISTINCT FROM n.comment
  ), history AS (
    INSERT INTO data_value_history (indicator_id, org_unit_id, period_id, action, value, numerator, denominator,
                                    previous_value, previous_numerator, previous_denominator, comment, source, changed_by)
    SELECT c.indicator_id, c.org_unit_id, c.period_id, 'update', c.value, c.numerator, c.denominator,
           c.old_value, c.old_numerator, c.old_denominator, c.comment, coalesce(c.source, how), actor
    FROM changed c
  ), marks AS (
    INSERT INTO rollup_dirty (indicator_id, org_unit_id, period_id)
    SELECT DISTINCT c.indicator_id, c.org_unit_id, c.period_id FROM changed c
    UNION
    SELECT o.indicator_id, o.org_unit_id, o.period_id FROM old_rows o
    WHERE NOT EXISTS (SELECT 1 FROM new_rows n WHERE n.indicator_id = o.indicator_id AND n.org_unit_id = o.org_unit_id AND n.period_id = o.period_id)
    ON CONFLICT DO NOTHING
    RETURNING 1
  )
  SELECT count(*) FROM marks INTO marked;
  IF marked > 0 THEN PERFORM pg_notify('dxpulse_rollup', ''); END IF;
  RETURN NULL;
END $$;

CREATE FUNCTION data_values_track_delete() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  actor bigint := nullif(current_setting('dxpulse.actor_id', true), '')::bigint;
  how   text   := coalesce(nullif(current_setting('dxpulse.source', true), ''), 'api');
BEGIN
  INSERT INTO data_value_history (indicator_id, org_unit_id, period_id, action, previous_value, previous_numerator, previous_denominator, source, changed_by)
  SELECT o.indicator_id, o.org_unit_id, o.period_id, 'delete', o.value, o.numerator, o.denominator, how, actor
  FROM old_rows o;
  INSERT INTO rollup_dirty (indicator_id, org_unit_id, period_id)
  SELECT o.indicator_id, o.org_unit_id, o.period_id FROM old_rows o
  ON CONFLICT DO NOTHING;
  IF FOUND THEN PERFORM pg_notify('dxpulse_rollup', ''); END IF;
  RETURN NULL;
END $$;

ALTER TABLE data_values
  DROP CONSTRAINT data_values_indicator_id_fkey,
  DROP CONSTRAINT data_values_org_unit_id_fkey,
  DROP CONSTRAINT data_values_updated_by_fkey;

-- A parent row referenced by values cannot be deleted (what the foreign keys' NO ACTION did).
CREATE FUNCTION data_values_parent_guard() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  col text := TG_ARGV[0];
  used bigint;
BEGIN
  EXECUTE format('SELECT o.id FROM old_rows o WHERE EXISTS (SELECT 1 FROM data_values v WHERE v.%I = o.id) LIMIT 1', col) INTO used;
  IF used IS NOT NULL THEN
    RAISE EXCEPTION '%: row % is still referenced by data_values.%', TG_TABLE_NAME, used, col USING ERRCODE = 'foreign_key_violation';
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER indicators_values_guard AFTER DELETE ON indicators
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION data_values_parent_guard('indicator_id');
CREATE TRIGGER org_units_values_guard AFTER DELETE ON org_units
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION data_values_parent_guard('org_unit_id');
CREATE TRIGGER users_values_guard AFTER DELETE ON users
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION data_values_parent_guard('updated_by');

CREATE TRIGGER data_values_track_insert AFTER INSERT ON data_values
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION data_values_track_insert();
CREATE TRIGGER data_values_track_update AFTER UPDATE ON data_values
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION data_values_track_update();
CREATE TRIGGER data_values_track_delete AFTER DELETE ON data_values
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION data_values_track_delete();

ALTER TABLE rollups ADD COLUMN parent_id bigint;
UPDATE rollups r SET parent_id = u.parent_id FROM org_units u WHERE u.id = r.org_unit_id;
CREATE INDEX rollups_children ON rollups (indicator_id, parent_id, period_id) INCLUDE (sum, count, min, max, numerator, denominator);

-- A unit's rollups follow it when it moves (the worker then recomputes both parents, see markUnitMoved).
CREATE FUNCTION org_units_rollup_parent() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE rollups SET parent_id = NEW.parent_id WHERE org_unit_id = NEW.id;
  RETURN NULL;
END $$;
CREATE TRIGGER org_units_rollup_parent AFTER UPDATE OF parent_id ON org_units
  FOR EACH ROW WHEN (OLD.parent_id IS DISTINCT FROM NEW.parent_id) EXECUTE FUNCTION org_units_rollup_parent();

-- The order of the period types, finest first, as domain/periods.ts ranks them for containment.
CREATE FUNCTION dx_period_rank(period_type text) RETURNS int LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE period_type WHEN 'day' THEN 0 WHEN 'week' THEN 1 WHEN 'month' THEN 2 WHEN 'quarter' THEN 3
                          WHEN 'half' THEN 4 WHEN 'year' THEN 5 END
$$;
