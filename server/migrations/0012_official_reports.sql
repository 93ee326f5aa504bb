-- Official reports (issue 6, points 3–4): "Báo cáo tình hình thực hiện [kế hoạch] [kỳ]" as DOCX
-- (Nghị định 30/2020/NĐ-CP) with an XLSX appendix. What a person edits is kept here as a draft per
-- plan and period: the header (issuing body, number and symbol, place, date), the signature block
-- (TM./KT./Q. or none, titles, name), the recipients ("Nơi nhận") and the narrative sections. The
-- numbers are never stored: they are read from the data each time the report is generated.
CREATE TABLE official_report_drafts (
  plan_id         bigint NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
  period_id       text   NOT NULL,                        -- 2025Q3, 2025S1, 2025 (domain/periods.ts)
  issuer_parent   text   NOT NULL DEFAULT '',              -- tên cơ quan chủ quản (optional)
  issuer_name     text   NOT NULL,                         -- tên cơ quan ban hành, one or two lines
  number_symbol   text   NOT NULL,                         -- "…/BC-UBND"
  place           text   NOT NULL,
  report_date     date   NOT NULL,
  signing_form    text   NOT NULL CHECK (signing_form IN ('TM', 'KT', 'Q', 'none')),
  collective      text   NOT NULL DEFAULT '',              -- TM. <collective>
  authority_title text   NOT NULL DEFAULT '',              -- KT./Q. <head's title>
  signer_title    text   NOT NULL DEFAULT '',
  signer_name     text   NOT NULL DEFAULT '',
  recipients      jsonb  NOT NULL DEFAULT '[]'::jsonb CHECK (jsonb_typeof(recipients) = 'array'),
  narratives      jsonb  NOT NULL CHECK (jsonb_typeof(narratives) = 'object'),
  updated_by      bigint REFERENCES users(id),
  updated_at      timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (plan_id, period_id)
);
