-- Diacritic-insensitive task search: "ha tang so" finds "hạ tầng số". search_key is the folded text
-- of the reference, title, description and deliverable, as domain/text.ts foldVietnamese folds it
-- (marks removed, đ → d, lower case, runs of other characters → one space), kept by PostgreSQL
-- itself as a generated column so no writer can forget it; a trigram index serves LIKE '%word%'.
-- dx_fold works on the Vietnamese alphabet (and the Latin letters it shares); translate() runs
-- before lower() so the result does not depend on the database's collation.
CREATE FUNCTION dx_fold(t text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $$
  SELECT btrim(regexp_replace(lower(translate(normalize(t, NFC),
    'àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴĐ',
    'aaaaaaaaaaaaaaaaaeeeeeeeeeeeiiiiiooooooooooooooooouuuuuuuuuuuyyyyydAAAAAAAAAAAAAAAAAEEEEEEEEEEEIIIIIOOOOOOOOOOOOOOOOOUUUUUUUUUUUYYYYYD')),
    '[^a-z0-9]+', ' ', 'g'))
$$;

ALTER TABLE tasks ADD COLUMN search_key text GENERATED ALWAYS AS (
  dx_fold(coalesce(ref, '') || ' ' || title || ' ' || coalesce(description, '') || ' ' || coalesce(deliverable, ''))
) STORED;
CREATE INDEX tasks_search_trgm ON tasks USING gin (search_key gin_trgm_ops);
