-- The share of the local budget (issue 4, item 4; seed 004 I.10: "Tỷ lệ chi cho phát triển khoa học,
-- công nghệ, đổi mới sáng tạo và chuyển đổi số so với tổng chi ngân sách địa phương chiếm 0,57%
-- (407,28 tỷ đồng/71.429 tỷ đồng); còn khoảng cách khá xa so với mục tiêu 3%"). Per plan and year:
-- the local budget's total expenditure to compare against, the target share, and — when the report
-- states it — the amount spent; without it the plan's budget lines give the amount (disbursed).
CREATE TABLE plan_budget_years (
  plan_id            bigint NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
  year               int    NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  local_budget_total numeric(20,0) NOT NULL CHECK (local_budget_total > 0),  -- tổng chi ngân sách địa phương, VND
  target_share       numeric(6,3) CHECK (target_share BETWEEN 0 AND 100),    -- mục tiêu, % của tổng chi
  spent              numeric(20,0) CHECK (spent >= 0),                      -- số đã chi theo báo cáo, VND
  note               text,
  updated_by         bigint REFERENCES users(id),
  updated_at         timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (plan_id, year)
);
