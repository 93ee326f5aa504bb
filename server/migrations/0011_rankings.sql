-- Rankings (issue 6, point 2): DTI-style index models. A model ranks a set of units — the open units
-- of some kinds under its anchor unit (e.g. the communes, wards and special zones of the city), or the
-- members of a unit group under it (e.g. SO-BAN-NGANH) — on pillars (trụ cột / chỉ số chính) with
-- weights, each made of components: an indicator, its maximum points and how a value becomes points
-- (domain/rankings.ts). Scores are computed live from the yearly rollups; a published year stores the
-- computed ranking as a snapshot, so what was announced never moves when data changes later.
CREATE TABLE index_models (
  id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  name           text   NOT NULL,
  description    text,
  -- The unit whose subtree is ranked; who holds 'plan.write' over it edits and publishes the model.
  anchor_unit_id bigint NOT NULL REFERENCES org_units(id),
  unit_kinds     text[],
  group_id       bigint REFERENCES org_unit_groups(id) ON DELETE CASCADE,
  created_by     bigint REFERENCES users(id),
  created_at     timestamptz NOT NULL DEFAULT now(),
  updated_at     timestamptz NOT NULL DEFAULT now(),
  CHECK ((unit_kinds IS NULL) <> (group_id IS NULL)),
  CHECK (unit_kinds IS NULL OR cardinality(unit_kinds) > 0)
);
CREATE INDEX index_models_anchor ON index_models (anchor_unit_id);

CREATE TABLE index_pillars (
  id       bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  model_id bigint NOT NULL REFERENCES index_models(id) ON DELETE CASCADE,
  name     text   NOT NULL,
  weight   float8 NOT NULL CHECK (weight > 0),
  position int    NOT NULL,
  UNIQUE (model_id, position)
);

CREATE TABLE index_components (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  pillar_id     bigint NOT NULL REFERENCES index_pillars(id) ON DELETE CASCADE,
  indicator_id  bigint NOT NULL REFERENCES indicators(id),
  max_points    float8 NOT NULL CHECK (max_points > 0),
  normalisation text   NOT NULL CHECK (normalisation IN ('target','minmax','thresholds')),
  -- target: {"target": n}; thresholds: {"steps": [{"from": n, "points": p}, …]} ascending; minmax: {}.
  params        jsonb  NOT NULL DEFAULT '{}',
  direction     text   NOT NULL DEFAULT 'higher' CHECK (direction IN ('higher','lower')),
  position      int    NOT NULL,
  UNIQUE (pillar_id, position)
);
CREATE INDEX index_components_indicator ON index_components (indicator_id);

CREATE TABLE index_publications (
  model_id     bigint NOT NULL REFERENCES index_models(id) ON DELETE CASCADE,
  year         int    NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  published_at timestamptz NOT NULL DEFAULT now(),
  published_by bigint REFERENCES users(id),
  -- The ranking as computed at publication (server/commands/rankings.ts RankingResult).
  snapshot     jsonb  NOT NULL,
  PRIMARY KEY (model_id, year)
);
