/**
 * The demo's plans as a tree and their tasks with the "6 rõ" (issue 4, item 8), from the seed
 * documents in `../shared/seeds/`:
 *
 * - 002, Kế hoạch 227/KH-UBND (2020): the 54 tasks of part II with the lead agencies that part IV
 *   assigns by cross-reference. Resolved by hand, as the answer key `../shared/gold/002…json` does:
 *   a point with "(n)" items covers all of them ("điểm c, d, đ, e khoản 1 phần II" → II.1.c.(1) …
 *   II.1.e.(3)), letters run a, b, c, d, đ, e, (f), g, h, i, (j); "phối hợp với X" makes X cooperating.
 * - 000, Nghị quyết 03-NQ/TU (2021, OCR): the 33 tasks of part IV. Part V names a lead for only four
 *   of them (by topic); the other 29 are left by V.3 to the Ủy ban nhân dân thành phố's programme, so
 *   their lead is the city (UBND thành phố), not an agency we would have to guess.
 * - 003, Kế hoạch 35/KH-UBND of phường Dương Kinh (2025, OCR): the 20 tasks of part II, led by the
 *   ward; the office in charge (part V) is the responsible party.
 * - 004, Báo cáo 01-BC/BCĐ (Q3/2025) speaks of plans whose tasks are in no seed: Nghị quyết
 *   71/NQ-CP (25 tasks), the Thông báo kết luận of the central steering committee (84), Kế hoạch
 *   02-KH/BCĐTW (25), Kế hoạch 447-KH/TU (19) and the task groups of Kế hoạch 215/KH-UBND (64, with
 *   budgets). They are added with plausible titles marked "(mẫu)" in their description, and with
 *   states that reproduce its sentences exactly (I.1.a and I.10, quoted at each table).
 *
 * Agencies are stored as the documents name them: a 2020 task of the Sở Thông tin và Truyền thông
 * keeps that (closed) agency as its lead, and the API shows it under its successor, the Sở Khoa học
 * và Công nghệ, through the unit lineage (history-faithful; nothing is rewritten when units merge).
 *
 * Made up (demo): every state, progress, date of completion and progress update, except where 004
 * states them; the titles of the tasks of 004's plans; how 004's budget totals split over the tasks
 * of a group (each group's sums are exact, in VND). Loaded set-based: one statement per table.
 */
import { sql } from 'kysely';
import type { Db, Tx } from '../db/database.ts';
import type { BudgetSource, TaskState } from '../store/schema.ts';
import { IND } from './demoIndicators.ts';

/** The day the demo's story stops (demoForms.ts: DEMO_NOW is 20/10/2025 10:00, Vietnam time). */
export const DEMO_TODAY = '2025-10-20';

// ---------------------------------------------------------------------------------------------
// Plans as a tree.

export interface DemoPlanNode {
  number: string;
  /** Only for plans that demoIndicators.ts does not create. */
  create?: { kind: string; issuer: string | null; issuedOn: string | null; title: string; horizonYear: number | null };
  parent: string | null;
  horizonFrom: number | null;
  summary: string;
}

const DEMO_NOTE = 'Tình trạng, tiến độ và kinh phí của từng nhiệm vụ là dữ liệu mẫu (demo), trừ các số tổng mà Báo cáo 01-BC/BCĐ nêu.';

/** Parents first. Central documents have no issuer unit (they are not units of this city). */
export const DEMO_PLAN_TREE: DemoPlanNode[] = [
  {
    number: '749/QĐ-TTg',
    create: { kind: 'QĐ', issuer: null, issuedOn: '2020-06-03', title: 'Quyết định của Thủ tướng Chính phủ phê duyệt «Chương trình Chuyển đổi số quốc gia đến năm 2025, định hướng đến năm 2030»', horizonYear: 2030 },
    parent: null,
    horizonFrom: 2020,
    summary: 'Chương trình chuyển đổi số quốc gia; KH 227/KH-UBND (seed 002) và NQ 03-NQ/TU (seed 000) thực hiện chương trình này. Văn bản trung ương, không có nhiệm vụ trong dữ liệu mẫu.',
  },
  {
    number: '227/KH-UBND',
    parent: '749/QĐ-TTg',
    horizonFrom: 2020,
    summary: `«Thực hiện Quyết định số 749/QĐ-TTg ngày 03/6/2020 của Thủ tướng Chính phủ…» (seed 002). 54 nhiệm vụ của phần II, cơ quan chủ trì theo phần IV «Tổ chức thực hiện». ${DEMO_NOTE}`,
  },
  {
    number: '03-NQ/TU',
    parent: '749/QĐ-TTg',
    horizonFrom: 2021,
    summary: `Nghị quyết của Ban Thường vụ Thành ủy (seed 000), căn cứ Nghị quyết 52-NQ/TW và Quyết định 749/QĐ-TTg. 33 nhiệm vụ, giải pháp của phần IV; phần V chỉ giao cơ quan chủ trì cho 4 nhiệm vụ, các nhiệm vụ còn lại do Ủy ban nhân dân thành phố cụ thể hóa (V.3). ${DEMO_NOTE}`,
  },
  {
    number: '215/KH-UBND',
    parent: '227/KH-UBND',
    horizonFrom: 2025,
    summary: `Kế hoạch ứng dụng CNTT và chuyển đổi số trong cơ quan nhà nước 6 tháng cuối năm 2025 — kế hoạch ứng dụng CNTT hằng năm mà KH 227/KH-UBND (IV.2.c) yêu cầu. Báo cáo 01-BC/BCĐ (I.10) nêu danh mục nhiệm vụ theo 4 nhóm với số nhiệm vụ và kinh phí; tên từng nhiệm vụ là mẫu (demo). ${DEMO_NOTE}`,
  },
  {
    number: '35/KH-UBND',
    parent: '215/KH-UBND',
    horizonFrom: 2025,
    summary: `«Thực hiện Kế hoạch số 215/KH-UBND ngày 25/8/2025 của Ủy ban nhân dân thành phố Hải Phòng…» (seed 003). 20 nhiệm vụ của phần II «Nội dung». ${DEMO_NOTE}`,
  },
  {
    number: '57-NQ/TW',
    create: { kind: 'NQ', issuer: null, issuedOn: '2024-12-22', title: 'Nghị quyết của Bộ Chính trị về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia', horizonYear: 2030 },
    parent: null,
    horizonFrom: 2025,
    summary: 'Báo cáo 01-BC/BCĐ (seed 004) báo cáo tình hình thực hiện nghị quyết này tại Hải Phòng. Văn bản trung ương; các nhiệm vụ giao thành phố nằm ở các văn bản con.',
  },
  {
    number: '71/NQ-CP',
    create: { kind: 'NQ', issuer: null, issuedOn: '2025-04-01', title: 'Nghị quyết của Chính phủ sửa đổi, bổ sung, cập nhật Chương trình hành động của Chính phủ thực hiện Nghị quyết số 57-NQ/TW', horizonYear: 2030 },
    parent: '57-NQ/TW',
    horizonFrom: 2025,
    summary: `Báo cáo 01-BC/BCĐ, I.1.a: «Tại Nghị quyết số 71/NQ-CP, thành phố được giao 25 nhiệm vụ, đã và đang thực hiện 24 nhiệm vụ; chưa triển khai 01 nhiệm vụ về đề án thí điểm bản sao số cho một số đô thị trực thuộc Trung ương (do Hải Phòng không thuộc diện thí điểm)». Tên các nhiệm vụ là mẫu (demo), trừ nhiệm vụ bản sao số. ${DEMO_NOTE}`,
  },
  {
    number: 'TBKL/BCĐTW-2025',
    create: { kind: 'TB', issuer: null, issuedOn: null, title: 'Các Thông báo kết luận của Ban Chỉ đạo Trung ương về phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số (các nhiệm vụ giao thành phố)', horizonYear: 2025 },
    parent: '57-NQ/TW',
    horizonFrom: 2025,
    summary: `Tập hợp (mẫu) các nhiệm vụ giao thành phố tại các Thông báo kết luận. Báo cáo 01-BC/BCĐ, I.1.a: «thành phố được giao 84 nhiệm vụ, đã hoàn thành 37 nhiệm vụ, đang triển khai 47 nhiệm vụ trong hạn». Số hiệu, phiên họp và tên nhiệm vụ là mẫu (demo). ${DEMO_NOTE}`,
  },
  {
    number: '02-KH/BCĐTW',
    create: { kind: 'KH', issuer: null, issuedOn: '2025-06-19', title: 'Kế hoạch của Ban Chỉ đạo Trung ương về thúc đẩy chuyển đổi số liên thông, đồng bộ, nhanh, hiệu quả đáp ứng yêu cầu sắp xếp tổ chức bộ máy của hệ thống chính trị', horizonYear: 2025 },
    parent: '57-NQ/TW',
    horizonFrom: 2025,
    summary: `Báo cáo 01-BC/BCĐ, I.1.a: «thành phố được giao 25 nhiệm vụ, đã hoàn thành 17 nhiệm vụ, đang thực hiện 8 nhiệm vụ trong hạn». Tên các nhiệm vụ là mẫu (demo), theo các kết quả báo cáo nêu. ${DEMO_NOTE}`,
  },
  {
    number: '204-QĐ/TW',
    create: { kind: 'QĐ', issuer: null, issuedOn: null, title: 'Quyết định của Ban Bí thư về chuyển đổi số trong các cơ quan đảng', horizonYear: null },
    parent: null,
    horizonFrom: null,
    summary: 'Được Báo cáo 01-BC/BCĐ nêu (I.1.a, I.1.b); KH 447-KH/TU của Ban Thường vụ Thành ủy thực hiện quyết định này. Văn bản trung ương, không có nhiệm vụ trong dữ liệu mẫu.',
  },
  {
    number: '447-KH/TU',
    create: { kind: 'KH', issuer: '31-TU', issuedOn: '2025-04-09', title: 'Kế hoạch của Ban Thường vụ Thành ủy về chuyển đổi số trong các cơ quan đảng thành phố theo Quyết định số 204-QĐ/TW của Ban Bí thư', horizonYear: 2025 },
    parent: '204-QĐ/TW',
    horizonFrom: 2025,
    summary: `Báo cáo 01-BC/BCĐ, I.1.a: «có 19 nhiệm vụ, đã hoàn thành 5 nhiệm vụ, 2 nhiệm vụ sẽ hoàn thành trong tháng 10/2025, 12 nhiệm vụ đang thực hiện trong hạn». Tên các nhiệm vụ là mẫu (demo), theo các kết quả báo cáo nêu. ${DEMO_NOTE}`,
  },
  {
    number: '01-BC/BCĐ',
    parent: '57-NQ/TW',
    horizonFrom: 2025,
    summary: 'Báo cáo của Ban Chỉ đạo thành phố (seed 004) về tình hình thực hiện Nghị quyết 57-NQ/TW quý III/2025 và nhiệm vụ trọng tâm cuối năm 2025: các câu thống kê nhiệm vụ (I.1.a) và kinh phí theo nhóm nhiệm vụ của KH 215/KH-UBND (I.10) được tái tạo từ dữ liệu nhiệm vụ mẫu.',
  },
];

// ---------------------------------------------------------------------------------------------
// Tasks: one entry per task. `lead` and `coop` are org unit codes (haiPhongAgencies.ts; '31' is the
// city and its People's Committee, '11692' phường Dương Kinh), as the document names them.

export type DemoStatus =
  | { state: 'completed'; due: string | null; completedOn: string; schedule?: string }
  | { state: 'in_progress' | 'not_started'; due: string | null; progress: number; schedule?: string }
  | { state: 'paused' | 'cancelled'; due: string | null; progress: number; reason: string; at: string };

/** Completed on `on` (late when after `due`). */
const done = (due: string | null, on: string): DemoStatus => ({ state: 'completed', due, completedOn: on });
/** In progress at `progress`% (overdue when `due` < 20/10/2025: computed, never stored). */
const doing = (due: string | null, progress: number): DemoStatus => ({ state: 'in_progress', due, progress });
/** "Thường xuyên" (standing) tasks of a plan with a horizon: due at its end. */
const tx = (progress: number, due = '2025-12-31'): DemoStatus => ({ state: 'in_progress', due, progress, schedule: 'Thường xuyên' });
const todo = (due: string | null): DemoStatus => ({ state: 'not_started', due, progress: 0 });
const paused = (due: string | null, progress: number, reason: string, at: string): DemoStatus => ({ state: 'paused', due, progress, reason, at });
const dropped = (due: string | null, reason: string, at: string): DemoStatus => ({ state: 'cancelled', due, progress: 0, reason, at });

/** A target a task serves: plan number, indicator code, year, level (level targets only). */
export interface DemoTargetRef {
  plan: string;
  indicator: string;
  year: number;
  level?: string;
}
const tg = (plan: string, indicator: string, level?: string, year = 2025): DemoTargetRef => ({ plan, indicator, year, ...(level ? { level } : {}) });

export interface DemoTask {
  ref: string;
  title: string;
  lead: string;
  coop?: string[];
  /** The clause that assigns the lead, as the document writes it (with the agency as named there). */
  basis?: string;
  status: DemoStatus;
  start?: string;
  deliverable?: string;
  responsible?: string;
  targets?: DemoTargetRef[];
  /** KH 215: weight of the task in its group's budget (default 1). */
  w?: number;
  /** KH 215: funding source when not the group's. */
  source?: BudgetSource;
}

export interface DemoTaskPlan {
  plan: string;
  start: string;
  approvingAuthority: string;
  /** Added to every task's description. */
  note?: string;
  /** Group name and budget of 004 I.10 (KH 215 only). */
  group?: DemoBudgetGroup;
  tasks: DemoTask[];
}

/** Totals of one group in triệu đồng (millions of VND); 004 prints tỷ đồng with three decimals. */
export interface DemoBudgetGroup {
  name: string;
  source: BudgetSource;
  /** Number of lead agencies where 004 states it. */
  agencies: number | null;
  requested: number;
  approved: number | null;
  requested2025: number;
  allocated2025: number;
  quote: string;
}

// ---- Seed 002, KH 227/KH-UBND, part IV: the clauses that assign the tasks of part II, as written.
export const KH227_ASSIGNMENTS: Record<string, string> = {
  'IV.2.a': 'Các Sở, ban, ngành thành phố, Ủy ban nhân dân các quận, huyện: «Tổ chức thực hiện triển khai các nhiệm vụ, giải pháp được nêu tại điểm a khoản 1 phần II; điểm h khoản 2 phần II của Kế hoạch.»',
  'IV.2.b': '«Các Sở, ban, ngành thành phố chủ trì triển khai các nhiệm vụ, giải pháp được nêu tại mục (1) điểm b khoản 1 phần II của Kế hoạch theo chức năng, nhiệm vụ được giao.»',
  'IV.3.a': 'Sở Thông tin và Truyền thông: «Chủ trì tổ chức thực hiện triển khai các nhiệm vụ, giải pháp được nêu tại điểm c, d, đ, e khoản 1 phần II; điểm a, b, c, d, e, f, j khoản 2 phần II; điểm a, b, c, d khoản 3 phần II; điểm a, đ khoản 4 phần II của Kế hoạch.»',
  'IV.4': 'Văn phòng Ủy ban nhân dân thành phố: «Chủ trì triển khai các nhiệm vụ, giải pháp được nêu tại điểm đ, i khoản 2 phần II của Kế hoạch.»',
  'IV.6.a, IV.18.a': 'Sở Tài chính: «Chủ trì triển khai các nhiệm vụ, giải pháp được nêu tại điểm c khoản 5 phần II»; Ngân hàng Nhà nước Việt Nam, Chi nhánh thành phố Hải Phòng: «Triển khai các nhiệm vụ, giải pháp được nêu tại điểm c khoản 5 phần II» (cùng chủ trì, ghi là cơ quan phối hợp).',
  'IV.7': 'Sở Khoa học và Công nghệ: «Chủ trì triển khai các nhiệm vụ, giải pháp được nêu tại mục (2) điểm b khoản 1 phần II của Kế hoạch.»',
  'IV.8': 'Sở Y tế: «Chủ trì triển khai các nhiệm vụ, giải pháp được nêu tại điểm a khoản 5 phần II.»',
  'IV.9.a': 'Sở Giáo dục và Đào tạo: «Chủ trì triển khai các nhiệm vụ, giải pháp được nêu tại điểm c khoản 4, phần II; điểm b khoản 5 phần II.»',
  'IV.10': 'Sở Nông nghiệp và Phát triển nông thôn: «Chủ trì triển khai các nhiệm vụ, giải pháp được nêu tại điểm d khoản 5 phần II.»',
  'IV.11': 'Sở Giao thông vận tải: «Chủ trì triển khai các nhiệm vụ, giải pháp được nêu tại điểm đ khoản 5 phần II» (phần II in nhầm điểm này là «d)» lần thứ hai).',
  'IV.12': 'Sở Công Thương: «Chủ trì triển khai các nhiệm vụ, giải pháp được nêu tại điểm đ khoản 3 phần II; điểm e, g khoản 5 phần II.»',
  'IV.13': 'Sở Tài nguyên và Môi trường: «Chủ trì triển khai các nhiệm vụ, giải pháp được nêu tại điểm f khoản 5 phần II.»',
  'IV.14': 'Sở Du lịch: «Chủ trì triển khai các nhiệm vụ, giải pháp được nêu tại điểm h khoản 5 phần II.»',
  'IV.15': 'Sở Ngoại vụ: «Chủ trì triển khai các nhiệm vụ, giải pháp được nêu tại điểm I khoản 5 phần II» (chữ «I» đọc là điểm i).',
  'IV.16': 'Sở Lao động - Thương binh và Xã hội: «Chủ trì, phối hợp với Sở Thông tin và Truyền thông, Sở Giáo dục và Đào tạo triển khai các nhiệm vụ, giải pháp được nêu tại điểm d khoản 4 phần II.»',
  'IV.17': 'Sở Nội vụ: «Chủ trì triển khai các nhiệm vụ, giải pháp được nêu tại điểm g khoản 2 phần II»; «Chủ trì, phối hợp với Sở Thông tin và Truyền thông triển khai nhiệm vụ mục (3) điểm b khoản 1 phần II.»',
  'IV.19.a': 'Chi nhánh Phòng Thương mại và Công nghiệp tại Hải Phòng: «Xây dựng các chương trình đào tạo hỗ trợ chuyển đổi số … các nhiệm vụ, giải pháp được nêu tại điểm b khoản 4 phần II.»',
};

// ---- Seed 000, NQ 03-NQ/TU, part V (by topic: part V has no cross-references).
export const NQ03_ASSIGNMENTS: Record<string, string> = {
  'V.1': '«Các cấp ủy đảng, chính quyền … tập trung lãnh đạo, chỉ đạo …; Người đứng đầu cấp ủy đảng, chính quyền … chịu trách nhiệm chủ trì, lãnh đạo thực hiện chuyển đổi số» (lãnh đạo: Thành ủy).',
  'V.5, V.4': '«Ban Tuyên giáo Thành ủy … chủ trì, phối hợp với Sở Thông tin và Truyền thông và các cơ quan, đơn vị thực hiện tuyên truyền sâu rộng Nghị quyết» (V.5); Ban Dân vận Thành ủy, Ủy ban Mặt trận Tổ quốc Việt Nam thành phố và các tổ chức chính trị - xã hội phối hợp phát động phong trào (V.4). Chủ trì ghi là Thành ủy (cơ quan tham mưu của Thành ủy).',
  'V.2': '«Đảng đoàn Hội đồng nhân dân thành phố chỉ đạo bổ sung, hoàn thiện các cơ chế, chính sách …; Bảo đảm kinh phí hằng năm cho chuyển đổi số» (ghi là Hội đồng nhân dân thành phố).',
  'V.3': 'Nghị quyết không giao cơ quan chủ trì cho nhiệm vụ này; «Ban cán sự đảng Ủy ban nhân dân thành phố chỉ đạo ban hành Chương trình hành động thực hiện Nghị quyết; chỉ đạo các sở, ban, ngành, địa phương xây dựng kế hoạch chi tiết» (V.3), nên chủ trì ghi là Ủy ban nhân dân thành phố.',
};

/** 002: the Sở Ngoại vụ was merged into the Sở Nội vụ on 01/3/2025 (haiPhongAgencies.ts). */
const PAUSED_SNGV = 'Tạm dừng từ 01/3/2025: Sở Ngoại vụ hợp nhất vào Sở Nội vụ; chờ Sở Nội vụ phân công lại đầu mối (mẫu).';

const KH227_TASKS: DemoTask[] = [
  { ref: 'II.1.a.(1)', lead: '31', basis: 'IV.2.a', status: tx(90),
    title: 'Tổ chức phổ biến, quán triệt chủ trương, chính sách của Đảng, Nhà nước nâng cao nhận thức của các cấp ủy Đảng, chính quyền, người dân và doanh nghiệp về sự cần thiết và tính cấp thiết của chuyển đổi số.' },
  { ref: 'II.1.a.(2)', lead: '31', basis: 'IV.2.a', status: tx(85),
    title: 'Xây dựng chuyên mục “Chuyển đổi số” trên các phương tiện thông tin đại chúng, các trang thông tin điện tử của Sở, ban, ngành, quận, huyện, để tuyên truyền, phổ biến, nâng cao nhận thức của cộng đồng về chuyển đổi số.' },
  { ref: 'II.1.a.(3)', lead: '31', basis: 'IV.2.a', status: tx(90),
    title: 'Người đứng đầu tại các Sở, ngành, địa phương chịu trách nhiệm trực tiếp về chuyển đổi số trong cơ quan, tổ chức, lĩnh vực, địa bàn mình phụ trách.' },
  { ref: 'II.1.a.(4)', lead: '31', basis: 'IV.2.a', status: tx(80),
    title: 'Người đứng đầu tại các Sở, ngành, địa phương, tổ chức, doanh nghiệp cam kết đổi mới, cho phép thử nghiệm cái mới, ứng dụng công nghệ mới vì mục tiêu phát triển bền vững; thúc đẩy phát triển công nghiệp sáng tạo trong ngành, lĩnh vực, địa phương mình phụ trách.' },
  { ref: 'II.1.a.(5)', lead: '31', basis: 'IV.2.a', status: done('2021-12-31', '2021-11-20'),
    title: 'Ủy ban nhân dân các quận, huyện chủ động lựa chọn một xã/phường/thị trấn để triển khai thử nghiệm công tác truyền thông, phổ biến các kỹ năng số cơ bản cho người dân.' },
  { ref: 'II.1.b.(1)', lead: '31', basis: 'IV.2.b', status: doing('2025-12-31', 70),
    title: 'Rà soát, đề xuất sửa đổi, bổ sung hệ thống văn bản quy phạm pháp luật trong các lĩnh vực chuyên ngành để đáp ứng yêu cầu điều chỉnh các mối quan hệ mới phát sinh trong tiến trình chuyển đổi số, khuyến khích đổi mới, sáng tạo.' },
  { ref: 'II.1.b.(2)', lead: '31-SKHCN', basis: 'IV.7', status: done('2022-12-31', '2022-12-15'),
    title: 'Rà soát, đề xuất sửa đổi, bổ sung hệ thống văn bản quy phạm pháp luật về doanh nghiệp, khởi nghiệp sáng tạo, sở hữu trí tuệ, thương mại, đầu tư, kinh doanh để tạo điều kiện thuận lợi cho quá trình chuyển đổi số và phát triển các sản phẩm, dịch vụ, mô hình kinh doanh mới dựa trên công nghệ số, Internet và không gian mạng.' },
  { ref: 'II.1.b.(3)', lead: '31-SNV', coop: ['31-STTTT'], basis: 'IV.17', status: done('2021-12-31', '2022-03-10'),
    title: 'Xây dựng, lồng ghép tiêu chí đánh giá về chuyển đổi số vào bộ chỉ số cải cách hành chính thành phố.' },
  { ref: 'II.1.c.(1)', lead: '31-STTTT', basis: 'IV.3.a', status: done('2022-12-31', '2023-06-30'),
    title: 'Hình thành hệ thống trung tâm dữ liệu của thành phố có năng lực tính toán cao và được kết nối đồng bộ để phục vụ các hệ thống thông tin của thành phố tin cậy, ổn định, dựa trên công nghệ điện toán đám mây.' },
  { ref: 'II.1.c.(2)', lead: '31-STTTT', basis: 'IV.3.a', status: done('2024-12-31', '2024-11-29'),
    title: 'Xây dựng, phát triển hạ tầng băng rộng chất lượng cao trên địa bàn thành phố; ưu tiên triển khai tại các khu công nghiệp, khu kinh tế, cơ quan nhà nước, trường học, bệnh viện.' },
  { ref: 'II.1.c.(3)', lead: '31-STTTT', basis: 'IV.3.a', status: doing('2025-12-31', 70),
    title: 'Phát triển hạ tầng mạng di động 5G; nâng cấp mạng di động 4G; triển khai các giải pháp để phổ cập điện thoại di động thông minh trên toàn địa bàn thành phố.' },
  { ref: 'II.1.c.(4)', lead: '31-STTTT', basis: 'IV.3.a', status: doing('2024-12-31', 65),
    title: 'Chuyển đổi toàn bộ mạng Internet của thành phố sang ứng dụng địa chỉ giao thức Internet thế hệ mới (IPv6); mở rộng mạng truyền số liệu chuyên dùng đến cấp xã.' },
  { ref: 'II.1.c.(5)', lead: '31-STTTT', basis: 'IV.3.a', status: doing('2025-12-31', 40),
    title: 'Phát triển hạ tầng kết nối mạng Internet vạn vật (IoT); xây dựng lộ trình và triển khai tích hợp cảm biến và ứng dụng công nghệ số vào các hạ tầng thiết yếu như giao thông, năng lượng, điện, nước, đô thị để chuyển đổi thành một bộ phận cấu thành quan trọng của hạ tầng số.' },
  { ref: 'II.1.d.(1)', lead: '31-STTTT', basis: 'IV.3.a', status: done('2023-12-31', '2023-10-20'),
    title: 'Triển khai hệ thống định danh và xác thực điện tử quốc gia, nền tảng trao đổi định danh và xác thực điện tử trên địa bàn thành phố để phục vụ giao dịch điện tử giữa người dân với cơ quan nhà nước và các giao dịch điện tử dân sự khác.' },
  { ref: 'II.1.d.(2)', lead: '31-STTTT', basis: 'IV.3.a', targets: [tg('227/KH-UBND', IND.TK_THANH_TOAN)], status: done('2022-12-31', '2022-12-20'),
    title: 'Phối hợp triển khai hệ thống thanh toán điện tử cho phép doanh nghiệp viễn thông cung cấp dịch vụ thanh toán điện tử không thông qua tài khoản ngân hàng (Mobile Money) đối với người dân.' },
  { ref: 'II.1.d.(3)', lead: '31-STTTT', basis: 'IV.3.a', status: done('2021-12-31', '2021-12-28'),
    title: 'Xây dựng danh sách các nền tảng số có khả năng triển khai dùng chung rộng khắp trong một số lĩnh vực như thương mại điện tử, nông nghiệp, du lịch, y tế, giáo dục, giao thông, xây dựng, tài nguyên và môi trường, học trực tuyến, nội dung số, dịch vụ kế toán, tài chính doanh nghiệp, đô thị, ngân hàng số.' },
  { ref: 'II.1.đ.(1)', lead: '31-STTTT', basis: 'IV.3.a', status: done('2022-06-30', '2022-06-15'),
    title: 'Xây dựng cơ chế hợp tác, đối thoại để giải quyết các vấn đề phát sinh; cơ chế hợp tác giữa các cơ quan nhà nước của thành phố và các hội, hiệp hội nghề nghiệp và doanh nghiệp trong xây dựng và thực thi chính sách.' },
  { ref: 'II.1.đ.(2)', lead: '31-STTTT', basis: 'IV.3.a', status: doing('2025-12-31', 75),
    title: 'Xây dựng và triển khai hệ thống xác định, phát hiện thông tin vi phạm pháp luật trên không gian mạng và kịp thời xử lý.' },
  { ref: 'II.1.đ.(3)', lead: '31-STTTT', basis: 'IV.3.a', status: done('2022-12-31', '2022-09-30'),
    title: 'Xây dựng và triển khai hệ thống giám sát, cảnh báo sớm nguy cơ, điều phối ứng cứu sự cố mất an toàn, an ninh mạng cho các cơ quan, tổ chức trên địa bàn thành phố.' },
  { ref: 'II.1.đ.(4)', lead: '31-STTTT', basis: 'IV.3.a', status: tx(85),
    title: 'Thực hiện có hiệu quả Chỉ thị số 14/CT-TTg ngày 07/6/2014 của Thủ tướng Chính phủ về việc tăng cường bảo đảm an toàn, an ninh mạng nhằm cải thiện chỉ số xếp hạng của Việt Nam.' },
  { ref: 'II.1.e.(1)', lead: '31-STTTT', basis: 'IV.3.a', status: done('2022-12-31', '2023-02-15'),
    title: 'Xây dựng chương trình hành động cụ thể để nghiên cứu, chuyển giao, triển khai các công nghệ mới, kết nối chuỗi tri thức từ nghiên cứu, phát triển đến thương mại, tăng tỷ lệ đầu tư công cho các dự án công nghệ.' },
  { ref: 'II.1.e.(2)', lead: '31-STTTT', basis: 'IV.3.a', status: doing('2025-12-31', 60),
    title: 'Ưu đãi, hỗ trợ các doanh nghiệp khởi nghiệp phát triển và khuyến khích các doanh nghiệp truyền thống đi đầu trong việc ứng dụng các công nghệ như trí tuệ nhân tạo (AI), chuỗi khối (blockchain) và thực tế ảo/thực tế tăng cường (VR/AR) vào hoạt động sản xuất, thương mại.' },
  { ref: 'II.1.e.(3)', lead: '31-STTTT', basis: 'IV.3.a', status: doing('2025-12-31', 50),
    title: 'Chủ động hợp tác trong việc tham gia quản lý các tài nguyên chung trong môi trường số.' },
  { ref: 'II.2.a', lead: '31-STTTT', basis: 'IV.3.a', status: done('2023-12-31', '2023-12-20'),
    title: 'Phát triển hạ tầng chính quyền số phục vụ cơ quan nhà nước trên cơ sở kết hợp thế mạnh của mạng truyền số liệu chuyên dùng, mạng Internet, trung tâm dữ liệu của cơ quan nhà nước để phục vụ kết nối liên thông, xuyên suốt từ cấp thành phố đến cấp xã.' },
  { ref: 'II.2.b', lead: '31-STTTT', basis: 'IV.3.a', status: done('2024-12-31', '2025-03-31'),
    title: 'Tái cấu trúc hạ tầng công nghệ thông tin của thành phố, chuyển đổi hạ tầng công nghệ thông tin thành hạ tầng số ứng dụng công nghệ điện toán đám mây.' },
  { ref: 'II.2.c', lead: '31-STTTT', basis: 'IV.3.a', status: doing('2025-12-31', 80),
    title: 'Đẩy mạnh triển khai các nghị quyết, chương trình, kế hoạch, đề án, dự án phát triển Chính quyền điện tử; đẩy nhanh tiến độ xây dựng các cơ sở dữ liệu quốc gia, cơ sở dữ liệu chuyên ngành; từng bước hình thành các hệ thống cơ sở dữ liệu dùng chung, cơ sở dữ liệu mở cấp thành phố.' },
  { ref: 'II.2.d', lead: '31-STTTT', basis: 'IV.3.a', status: done('2021-12-31', '2021-09-30'),
    title: 'Triển khai Nền tảng Chính quyền điện tử thành phố (LGSP), kết nối liên thông với Nền tảng tích hợp, chia sẻ dữ liệu quốc gia (NGSP) nhằm kết nối, chia sẻ thông tin, dữ liệu để khai thác, sử dụng.' },
  { ref: 'II.2.đ', lead: '31-VPUBND', basis: 'IV.4', targets: [tg('227/KH-UBND', IND.BAO_CAO)], status: done('2021-12-31', '2021-12-15'),
    title: 'Phát triển, hoàn thiện Hệ thống thông tin báo cáo thành phố, kết nối với Hệ thống thông tin báo cáo Chính phủ bảo đảm tích hợp, chia sẻ dữ liệu số phục vụ sự chỉ đạo, điều hành của chính quyền các cấp theo thời gian thực.' },
  { ref: 'II.2.e', lead: '31-STTTT', basis: 'IV.3.a', status: doing('2025-12-31', 60),
    title: 'Áp dụng công nghệ mới nhất về truyền thông xã hội (Social), di động (Mobile), phân tích dữ liệu lớn (Big Data Analytics), trí tuệ nhân tạo (AI), thực tế ảo/thực tế tăng cường (VR/AR) để thực hiện chuyển đổi số toàn diện các mặt công tác chỉ đạo, điều hành của cơ quan nhà nước.' },
  { ref: 'II.2.f', lead: '31-STTTT', basis: 'IV.3.a', status: done('2022-12-31', '2022-11-30'),
    title: 'Phát triển, hoàn thiện Hệ thống một cửa điện tử và dịch vụ công trực tuyến thành phố kết nối với Cổng dịch vụ công quốc gia để cung cấp các dịch vụ công trực tuyến mức độ 4; đưa toàn bộ các dịch vụ công trực tuyến lên mức độ 3, mức độ 4.' },
  { ref: 'II.2.g', lead: '31-SNV', basis: 'IV.17', status: doing('2025-12-31', 85),
    title: 'Số hóa kết quả giải quyết thủ tục hành chính theo quy định tại Nghị định số 45/2020/NĐ-CP ngày 08/4/2020 của Chính phủ; thực hiện số hóa hồ sơ, lưu trữ hồ sơ công việc điện tử của các cơ quan nhà nước theo quy định.' },
  { ref: 'II.2.h', lead: '31', basis: 'IV.2.a', targets: [tg('227/KH-UBND', IND.HSCV_MANG, 'department'), tg('227/KH-UBND', IND.HSCV_MANG, 'district'), tg('227/KH-UBND', IND.HSCV_MANG, 'commune')], status: tx(90),
    title: 'Chuẩn hóa, điện tử hóa quy trình nghiệp vụ xử lý hồ sơ trên môi trường mạng, biểu mẫu, chế độ báo cáo.' },
  { ref: 'II.2.i', lead: '31-VPUBND', basis: 'IV.4', status: done('2021-12-31', '2021-12-31'),
    title: 'Tăng cường gửi, nhận văn bản, báo cáo điện tử tích hợp chữ ký số giữa các cơ quan quản lý nhà nước, các tổ chức chính trị - xã hội và các doanh nghiệp.' },
  { ref: 'II.2.j', lead: '31-STTTT', basis: 'IV.3.a', status: tx(80),
    title: 'Tổ chức, thực hiện các chương trình, kế hoạch nâng cao nhận thức, đào tạo kỹ năng về chuyển đổi số, phát triển Chính phủ số cho cán bộ, công chức, viên chức và người lao động trong cơ quan nhà nước.' },
  { ref: 'II.3.a', lead: '31-STTTT', basis: 'IV.3.a', status: doing('2025-12-31', 70),
    title: 'Phát triển doanh nghiệp công nghệ số, bao gồm: các doanh nghiệp khởi nghiệp ứng dụng công nghệ số để tạo ra các sản phẩm, dịch vụ mới trong các ngành, lĩnh vực kinh tế - xã hội; các doanh nghiệp khởi nghiệp đổi mới, sáng tạo về công nghệ số.' },
  { ref: 'II.3.b', lead: '31-STTTT', basis: 'IV.3.a', status: doing('2025-12-31', 60),
    title: 'Thúc đẩy phát triển doanh nghiệp công nghệ số điển hình, từng bước hình thành hệ thống các doanh nghiệp công nghệ số của thành phố.' },
  { ref: 'II.3.c', lead: '31-STTTT', basis: 'IV.3.a', status: doing('2025-12-31', 50),
    title: 'Phát triển sản phẩm nội dung số, truyền thông số, quảng cáo số; phát triển công nghiệp sáng tạo, hệ sinh thái nội dung số trên địa bàn thành phố.' },
  { ref: 'II.3.d', lead: '31-STTTT', basis: 'IV.3.a', status: done('2023-12-31', '2024-04-26'),
    title: 'Xây dựng và triển khai Kế hoạch hỗ trợ các doanh nghiệp nhỏ và vừa, doanh nghiệp ngành nghề truyền thống, doanh nghiệp sản xuất chuyển đổi sang cung cấp sản phẩm, dịch vụ trên các nền tảng số, sản xuất thông minh.' },
  { ref: 'II.3.đ', lead: '31-SCT', basis: 'IV.12', status: doing('2025-12-31', 75),
    title: 'Xây dựng thị trường thương mại điện tử lành mạnh có tính cạnh tranh và phát triển bền vững; tăng cường xây dựng các hệ thống hạ tầng và dịch vụ nhằm hỗ trợ phát triển thương mại điện tử.' },
  { ref: 'II.4.a', lead: '31-STTTT', basis: 'IV.3.a', status: done('2021-12-31', '2021-11-30'),
    title: 'Tham gia chương trình đào tạo, tập huấn đội ngũ chuyên gia về chuyển đổi số do Bộ Thông tin và Truyền thông tổ chức; các chuyên gia này tiếp tục đào tạo lại cho cán bộ liên quan ở các cơ quan nhà nước trên địa bàn thành phố.' },
  { ref: 'II.4.b', lead: '31-VCCI', basis: 'IV.19.a', status: doing('2025-12-31', 70),
    title: 'Triển khai các chương trình đào tạo, đào tạo lại kỹ năng lãnh đạo, quản lý chuyển đổi số cho người đứng đầu các cơ quan, tổ chức, Giám đốc điều hành các doanh nghiệp.' },
  { ref: 'II.4.c', lead: '31-SGDDT', basis: 'IV.9.a', status: doing('2025-12-31', 65),
    title: 'Triển khai áp dụng mô hình giáo dục tích hợp khoa học - công nghệ - kỹ thuật - toán học và nghệ thuật, kinh doanh, doanh nghiệp (giáo dục STEM/STEAM/STEAME), đào tạo tiếng Anh và kỹ năng sử dụng công nghệ thông tin, bảo đảm an toàn thông tin tại các cấp học; đào tạo, tập huấn hướng nghiệp để học sinh có các kỹ năng sẵn sàng cho môi trường số.' },
  { ref: 'II.4.d', lead: '31-SLDTBXH', coop: ['31-STTTT', '31-SGDDT'], basis: 'IV.16', status: doing('2024-12-31', 55),
    title: 'Tổ chức đào tạo, đào tạo lại, đào tạo nâng cao kỹ năng số cho người lao động tại các doanh nghiệp trong khu công nghiệp, khu kinh tế, cụm công nghiệp của thành phố.' },
  { ref: 'II.4.đ', lead: '31-STTTT', basis: 'IV.3.a', status: done('2023-12-31', '2023-11-15'),
    title: 'Cung cấp các khóa học đại trà trực tuyến mở (MOOCs) cho tất cả người dân nâng cao khả năng tiếp cận giáo dục nhờ công nghệ số; phổ cập việc thi trực tuyến; công nhận giá trị của các chứng chỉ học trực tuyến.' },
  { ref: 'II.5.a', lead: '31-SYT', basis: 'IV.8', status: doing('2025-12-31', 90),
    title: 'Chuyển đổi số trong lĩnh vực y tế: phát triển nền tảng hỗ trợ khám, chữa bệnh từ xa (100% cơ sở y tế có bộ phận khám chữa bệnh từ xa); hồ sơ bệnh án điện tử, bệnh viện thông minh; thử nghiệm sáng kiến “Mỗi người dân có một bác sĩ riêng”; hướng dẫn khám chữa bệnh từ xa và đơn thuốc điện tử.' },
  { ref: 'II.5.b', lead: '31-SGDDT', basis: 'IV.9.a', status: done('2024-12-31', '2024-12-20'),
    title: 'Chuyển đổi số trong lĩnh vực giáo dục: phát triển nền tảng hỗ trợ dạy và học từ xa, số hóa tài liệu, giáo trình; 100% các cơ sở giáo dục triển khai công tác dạy và học từ xa.' },
  { ref: 'II.5.c', lead: '31-STC', coop: ['31-NHNN'], basis: 'IV.6.a, IV.18.a', status: doing('2025-12-31', 85),
    title: 'Chuyển đổi số trong lĩnh vực tài chính - ngân hàng: các ngân hàng thương mại cung cấp dịch vụ ngân hàng số; đưa dịch vụ tài chính - ngân hàng đến gần hơn đối tượng vùng sâu, vùng xa.' },
  { ref: 'II.5.d', lead: '31-SNNPTNT', basis: 'IV.10', status: doing('2025-12-31', 60),
    title: 'Chuyển đổi số trong lĩnh vực nông nghiệp: phát triển nông nghiệp công nghệ cao, nông nghiệp thông minh; xây dựng các hệ thống dữ liệu lớn của ngành; truy xuất nguồn gốc sản phẩm nông nghiệp bằng tem điện tử; chuyển đổi số trong công tác quản lý.' },
  { ref: 'II.5.đ', lead: '31-SGTVT', basis: 'IV.11', status: doing('2024-12-31', 50),
    title: 'Chuyển đổi số trong lĩnh vực giao thông vận tải và logistics: phát triển hệ thống giao thông thông minh; chuyển đổi các hạ tầng logistics; nền tảng kết nối chủ hàng, nhà giao vận và khách hàng; quản lý kết cấu hạ tầng giao thông, phương tiện, người điều khiển phương tiện qua hồ sơ số.' },
  { ref: 'II.5.e', lead: '31-SCT', basis: 'IV.12', status: done('2024-12-31', '2024-10-31'),
    title: 'Chuyển đổi số trong lĩnh vực năng lượng, ưu tiên ngành điện lực; kết nối các đồng hồ đo điện số.' },
  { ref: 'II.5.f', lead: '31-STNMT', basis: 'IV.13', status: doing('2025-12-31', 70),
    title: 'Chuyển đổi số trong lĩnh vực tài nguyên và môi trường: triển khai các hệ thống thông tin, cơ sở dữ liệu lớn (cơ sở dữ liệu đất đai quốc gia và các lĩnh vực khác); giải pháp thông minh trong quan trắc, giám sát, xử lý sự cố môi trường, cảnh báo sớm thiên tai.' },
  { ref: 'II.5.g', lead: '31-SCT', basis: 'IV.12', status: doing('2025-12-31', 45),
    title: 'Chuyển đổi số trong lĩnh vực sản xuất công nghiệp: chiến lược và cơ cấu tổ chức thông minh, nhà máy thông minh, vận hành thông minh, sản phẩm thông minh, dịch vụ về dữ liệu và kỹ năng số cho người lao động.' },
  { ref: 'II.5.h', lead: '31-SDL', basis: 'IV.14', status: done('2023-12-31', '2023-12-29'),
    title: 'Chuyển đổi số trong lĩnh vực du lịch: triển khai hệ thống thông tin, cơ sở dữ liệu tài nguyên du lịch, lữ hành, lưu trú, dịch vụ du lịch, tiến tới hình thành hệ thống Du lịch thông minh.' },
  { ref: 'II.5.i', lead: '31-SNGV', basis: 'IV.15', status: paused('2025-12-31', 40, PAUSED_SNGV, '2025-03-05'),
    title: 'Chuyển đổi số trong lĩnh vực ngoại vụ: xúc tiến, đẩy mạnh hợp tác quốc tế với các đối tác nước ngoài, tham gia các tổ chức mạng lưới liên kết hợp tác cấp địa phương quốc tế trong lĩnh vực chuyển đổi số.' },
];
const NQ03_TASKS: DemoTask[] = [
  { ref: 'IV.1.1.1', lead: '31-TU', basis: 'V.1', status: tx(90),
    title: 'Cấp ủy, chính quyền các cấp tăng cường công tác lãnh đạo, chỉ đạo thực hiện các nghị quyết, chỉ thị của Trung ương về chuyển đổi số; người đứng đầu cấp ủy, chính quyền các cấp chịu trách nhiệm trực tiếp về chuyển đổi số; mỗi quận, huyện chủ động lựa chọn một đơn vị cấp xã để triển khai thử nghiệm chuyển đổi số, đánh giá, triển khai nhân rộng.' },
  { ref: 'IV.1.1.2', lead: '31-TU', coop: ['31-STTTT'], basis: 'V.5, V.4', status: done('2021-12-31', '2021-12-10'),
    title: 'Đẩy mạnh công tác tuyên truyền, quán triệt, học tập, nâng cao nhận thức của các cấp, các ngành, cán bộ, đảng viên, cộng đồng doanh nghiệp và người dân về sự cần thiết và tính cấp thiết của chuyển đổi số; phát huy vai trò của Mặt trận Tổ quốc Việt Nam, các tổ chức chính trị - xã hội trong công tác tuyên truyền, vận động Nhân dân hưởng ứng chương trình chuyển đổi số.' },
  { ref: 'IV.1.2', lead: '31-HDND', basis: 'V.2', status: done('2022-12-31', '2022-12-09'),
    title: 'Nghiên cứu, xây dựng cơ chế, chính sách đặc thù của thành phố để hỗ trợ, thúc đẩy phát triển các doanh nghiệp chuyển đổi số toàn diện, hiệu quả; tạo môi trường thuận lợi thúc đẩy khởi nghiệp, đổi mới sáng tạo; ưu tiên bố trí ngân sách và các nguồn lực khác để thực hiện các nhiệm vụ chuyển đổi số.' },
  { ref: 'IV.1.3.1', lead: '31', basis: 'V.3', targets: [tg('03-NQ/TU', IND.CAP_QUANG)], status: doing('2025-12-31', 75),
    title: 'Xây dựng, phát triển hạ tầng băng thông rộng chất lượng cao trên địa bàn thành phố; phát triển hạ tầng mạng di động 5G; nâng cấp mạng di động 4G; triển khai các giải pháp để phổ cập điện thoại di động thông minh trên địa bàn thành phố.' },
  { ref: 'IV.1.3.2', lead: '31', basis: 'V.3', status: doing('2024-12-31', 60),
    title: 'Chuyển đổi toàn bộ mạng Internet của thành phố sang ứng dụng địa chỉ giao thức Internet thế hệ mới (IPv6); phát triển hạ tầng kết nối mạng Internet vạn vật (IoT); xây dựng lộ trình và triển khai tích hợp cảm biến và ứng dụng công nghệ số vào các hạ tầng thiết yếu.' },
  { ref: 'IV.1.3.3', lead: '31', basis: 'V.3', targets: [tg('03-NQ/TU', IND.DANH_TINH_SO)], status: done('2023-12-31', '2023-10-20'),
    title: 'Triển khai hệ thống định danh và xác thực điện tử, nền tảng trao đổi định danh và xác thực điện tử trên địa bàn thành phố phục vụ giao dịch điện tử giữa người dân với cơ quan nhà nước và các giao dịch dân sự khác.' },
  { ref: 'IV.1.4.1', lead: '31', basis: 'V.3', status: done('2023-12-31', '2024-02-28'),
    title: 'Phát triển kho dữ liệu dùng chung của thành phố làm nền tảng của chính quyền số, hạ tầng dữ liệu quan trọng hỗ trợ các cơ quan nhà nước ra quyết định chính sách quản lý, điều hành, phát triển kinh tế - xã hội.' },
  { ref: 'IV.1.4.2', lead: '31', basis: 'V.3', status: doing('2025-12-31', 80),
    title: 'Kết nối và khai thác dữ liệu từ Cơ sở dữ liệu quốc gia về dân cư, doanh nghiệp, đất đai, tài chính... để đơn giản hóa thủ tục hành chính; đẩy mạnh số hóa, chuyển đổi số mọi quy trình nghiệp vụ của cơ quan nhà nước; từng bước hình thành các hệ thống cơ sở dữ liệu dùng chung, cơ sở dữ liệu mở cấp thành phố.' },
  { ref: 'IV.1.4.3', lead: '31', basis: 'V.3', status: doing('2025-12-31', 55),
    title: 'Áp dụng công nghệ mới nhất về truyền thông xã hội, cung cấp thông tin và dịch vụ hành chính công trên di động, phân tích dữ liệu lớn (Big Data Analytics), trí tuệ nhân tạo (AI), thực tế ảo/thực tế tăng cường (VR/AR) để thực hiện chuyển đổi số toàn diện các mặt công tác chỉ đạo, điều hành của cơ quan nhà nước.' },
  { ref: 'IV.1.4.4', lead: '31', basis: 'V.3', status: doing('2025-12-31', 85),
    title: 'Chuẩn hóa, điện tử hóa quy trình nghiệp vụ xử lý hồ sơ, biểu mẫu, chế độ báo cáo trên môi trường mạng; thực hiện số hóa hồ sơ, lưu trữ hồ sơ công việc điện tử của các cơ quan nhà nước theo quy định.' },
  { ref: 'IV.1.5.1', lead: '31', basis: 'V.3', status: tx(80),
    title: 'Tiếp tục hoàn thiện hệ thống hạ tầng thông tin theo nguyên tắc bảo đảm an toàn thông tin, an ninh mạng; xây dựng và triển khai hệ thống xác định, phát hiện thông tin vi phạm pháp luật trên không gian mạng; hệ thống giám sát, cảnh báo sớm nguy cơ, điều phối ứng cứu sự cố mất an toàn, an ninh mạng.' },
  { ref: 'IV.1.5.2', lead: '31', basis: 'V.3', status: done('2022-12-31', '2022-12-20'),
    title: 'Triển khai mô hình bảo đảm an toàn thông tin chuyên nghiệp, kết nối, chia sẻ thông tin với hệ thống giám sát quốc gia.' },
  { ref: 'IV.1.6.1', lead: '31', basis: 'V.3', status: doing('2025-12-31', 60),
    title: 'Xây dựng chương trình hành động cụ thể để nghiên cứu, chuyển giao, triển khai các công nghệ mới, kết nối chuỗi tri thức từ nghiên cứu, phát triển đến thương mại; ưu đãi, hỗ trợ các doanh nghiệp khởi nghiệp và khuyến khích các doanh nghiệp truyền thống đi đầu trong việc ứng dụng các công nghệ 4.0.' },
  { ref: 'IV.1.6.2', lead: '31', basis: 'V.3', status: tx(70),
    title: 'Chủ động, tích cực tham gia các tổ chức, diễn đàn trong nước và quốc tế về chuyển đổi số, thành phố thông minh; tăng cường hợp tác, chia sẻ kinh nghiệm, huy động nguồn lực nghiên cứu, phát triển, chuyển giao các công nghệ mới, mô hình mới.' },
  { ref: 'IV.1.6.3', lead: '31', basis: 'V.3', status: tx(70),
    title: 'Đẩy mạnh triển khai các nhiệm vụ nghiên cứu khoa học và phát triển công nghệ phù hợp với định hướng xây dựng chính quyền số, thành phố thông minh; ưu tiên phân bổ các nhiệm vụ khoa học và công nghệ cho chuyển đổi số, chú trọng các nhiệm vụ có kinh phí đối ứng của doanh nghiệp.' },
  { ref: 'IV.1.7', lead: '31', basis: 'V.3', status: tx(75),
    title: 'Nâng cao chất lượng đội ngũ cán bộ công nghệ thông tin hiện có; tập trung đào tạo, bồi dưỡng, thu hút nguồn nhân lực công nghệ thông tin chất lượng cao sẵn sàng tham gia vào quá trình chuyển đổi số của thành phố; đào tạo, bồi dưỡng nhân lực an toàn thông tin.' },
  { ref: 'IV.2.1', lead: '31', basis: 'V.3', status: done('2022-12-31', '2022-11-30'),
    title: 'Rà soát, cập nhật, sửa đổi, bổ sung, xây dựng các kiến trúc, quy chế, quy định về xây dựng, phát triển, quản lý, vận hành, khai thác các hệ thống thông tin phục vụ Chính quyền số; triển khai trung tâm dữ liệu, hình thành nền tảng điện toán đám mây dùng chung; sử dụng hiệu quả mạng truyền số liệu chuyên dùng của các cơ quan Đảng, Nhà nước.' },
  { ref: 'IV.2.2', lead: '31', basis: 'V.3', status: done('2023-12-31', '2023-12-15'),
    title: 'Xây dựng kho dữ liệu dùng chung, Cổng dữ liệu mở của cơ quan nhà nước; xây dựng nền tảng phân tích, xử lý dữ liệu tổng hợp thành phố; xây dựng ứng dụng đa nền tảng phục vụ điều hành; xây dựng kho lưu trữ dữ liệu điện tử về tổ chức, cá nhân.' },
  { ref: 'IV.2.3', lead: '31', basis: 'V.3', status: doing('2025-12-31', 85),
    title: 'Phát triển, nâng cấp các hệ thống thông tin một cửa điện tử, cổng dịch vụ công, quản lý văn bản điều hành và tác nghiệp, hệ thống thông tin báo cáo; triển khai các hệ thống làm việc từ xa, hệ thống họp không giấy tờ; công tác thanh tra, kiểm tra thực hiện thông qua môi trường số; triển khai thí điểm Trợ lý ảo hỗ trợ công tác chỉ đạo, điều hành, tác nghiệp.' },
  { ref: 'IV.2.4', lead: '31', basis: 'V.3', targets: [tg('03-NQ/TU', IND.DVCTT_TOAN_TRINH)], status: doing('2025-12-31', 80),
    title: 'Phát triển các dịch vụ công trực tuyến dựa trên nhu cầu người dân và theo các sự kiện trong cuộc đời, người dân chỉ cung cấp thông tin một lần; ứng dụng trí tuệ nhân tạo trong cung cấp dịch vụ như trợ lý ảo, trả lời tự động; xây dựng Hệ thống phát triển kỹ năng số thành phố Hải Phòng.' },
  { ref: 'IV.2.5', lead: '31', basis: 'V.3', status: done('2022-12-31', '2023-03-31'),
    title: 'Hoạt động chỉ đạo, điều hành và quản trị nội bộ của cơ quan nhà nước được thực hiện trên nền tảng quản trị tổng thể, thống nhất; xây dựng Trung tâm giám sát, điều hành đô thị thông minh (IOC); Trung tâm giám sát, điều hành an toàn, an ninh mạng (SOC), bảo đảm an toàn thông tin mạng theo mô hình bốn lớp.' },
  { ref: 'IV.3.1', lead: '31', basis: 'V.3', targets: [tg('03-NQ/TU', IND.KTS_GRDP)], status: doing('2025-12-31', 65),
    title: 'Thúc đẩy phát triển các loại hình doanh nghiệp công nghệ số, sản phẩm nội dung số, công nghiệp sáng tạo, công nghiệp công nghệ thông tin; thúc đẩy chuyển đổi số trong mọi hoạt động sản xuất, kinh doanh và quản lý của doanh nghiệp; hỗ trợ thị trường thương mại điện tử phát triển nhanh và mạnh, có tính cạnh tranh và phát triển bền vững.' },
  { ref: 'IV.3.2', lead: '31', basis: 'V.3', status: done('2023-12-31', '2023-12-29'),
    title: 'Lĩnh vực Du lịch: phát triển công nghệ số phục vụ hoạt động du lịch thông minh như Cổng du lịch thông minh; xây dựng bản đồ số hóa dữ liệu di tích, điểm tham quan, hình thành sản phẩm du lịch bằng công nghệ số.' },
  { ref: 'IV.3.3', lead: '31', basis: 'V.3', status: doing('2025-06-30', 70),
    title: 'Lĩnh vực Giao thông vận tải, logistics: ứng dụng công nghệ số, công nghệ thông minh trong quản lý, điều hành hoạt động giao thông vận tải; triển khai Cổng thông tin giao thông trực tuyến; nền tảng công nghệ số phục vụ kết nối chuỗi hệ sinh thái hạ tầng cảng biển, hậu cần cảng biển, giao thông, đô thị, kho bãi, phục vụ hoạt động logistics.' },
  { ref: 'IV.3.4', lead: '31', basis: 'V.3', status: doing('2025-12-31', 55),
    title: 'Lĩnh vực Nông nghiệp: xây dựng cơ chế, chính sách đặc thù để phát triển kinh tế số trong nông nghiệp; ứng dụng công nghệ cao, tự động hóa; hệ thống dự báo, cảnh báo thiên tai, phòng chống cháy rừng, dịch bệnh; hệ thống tiêu thụ và truy xuất nguồn gốc nông sản; cổng thông tin chia sẻ dữ liệu nông nghiệp.' },
  { ref: 'IV.3.5', lead: '31', basis: 'V.3', status: doing('2025-12-31', 70),
    title: 'Lĩnh vực Tài nguyên và môi trường: phát triển hệ thống kho dữ liệu số ngành tài nguyên và môi trường; triển khai các giải pháp thông minh trong quan trắc, giám sát, quản lý, xử lý sự cố môi trường, cảnh báo sớm thiên tai.' },
  { ref: 'IV.4.1', lead: '31', basis: 'V.3', status: tx(80),
    title: 'Triển khai các chương trình đào tạo, đào tạo lại kỹ năng lãnh đạo, quản lý chuyển đổi số cho người đứng đầu các cơ quan, tổ chức, giám đốc điều hành các doanh nghiệp; tuyên truyền, nâng cao nhận thức và kỹ năng ứng dụng công nghệ thông tin của người dân khi thực hiện thủ tục hành chính; mở rộng các kênh kết nối dựa trên nền tảng các mạng xã hội.' },
  { ref: 'IV.4.2', lead: '31', basis: 'V.3', status: done('2024-12-31', '2025-06-30'),
    title: 'Hoàn thành triển khai hệ thống truyền thanh cơ sở ứng dụng công nghệ thông tin và viễn thông hiện đại, quản trị tập trung trên toàn thành phố; hoàn thành triển khai định danh số và bản đồ số, địa chỉ số để hỗ trợ thanh toán và sử dụng dịch vụ số trên toàn thành phố.' },
  { ref: 'IV.4.3', lead: '31', basis: 'V.3', status: doing('2025-12-31', 85),
    title: 'Lĩnh vực Y tế: phát triển nền tảng hỗ trợ tư vấn, khám chữa bệnh từ xa; nền tảng quản trị y tế thông minh; bệnh án điện tử; hồ sơ sức khỏe điện tử toàn dân; thanh toán không dùng tiền mặt; hệ thống theo dõi, cảnh báo dịch bệnh; hệ thống thông tin quản lý an toàn vệ sinh thực phẩm.' },
  { ref: 'IV.4.4', lead: '31', basis: 'V.3', status: doing('2025-12-31', 80),
    title: 'Lĩnh vực Giáo dục đào tạo: đưa các hoạt động giáo dục, đào tạo lên môi trường số; nền tảng hỗ trợ dạy và học từ xa; số hóa tài liệu, giáo trình; thí điểm cấp chứng nhận, chứng chỉ điện tử ứng dụng chữ ký số; cơ sở dữ liệu học sinh, sinh viên trọn đời, đào tạo trực tuyến e-learning, học liệu mở.' },
  { ref: 'IV.4.5', lead: '31', basis: 'V.3', status: done('2024-12-31', '2024-12-25'),
    title: 'Lĩnh vực Báo chí, truyền thông: xây dựng tòa soạn hội tụ công nghệ hiện đại, đưa toàn bộ nghiệp vụ báo chí lên môi trường số; ứng dụng công nghệ số tạo ra sản phẩm báo chí mới; sử dụng nền tảng phân tích thông tin, dư luận trên mạng xã hội.' },
  { ref: 'IV.5.1', lead: '31-HDND', basis: 'V.2', status: tx(60),
    title: 'Ưu tiên bố trí kinh phí từ ngân sách để phục vụ các nhiệm vụ, dự án chuyển đổi số do các cơ quan Đảng và Nhà nước chủ trì thực hiện.' },
  { ref: 'IV.5.2', lead: '31', basis: 'V.3', status: tx(50),
    title: 'Huy động các nguồn lực đầu tư của doanh nghiệp, cộng đồng và các nguồn kinh phí hợp pháp khác thông qua các chính sách khuyến khích, thu hút doanh nghiệp công nghệ số đầu tư phát triển chuyển đổi số.' },
];

// ---- Seed 003, KH 35/KH-UBND of phường Dương Kinh, part II "NỘI DUNG" (OCR; corrected wording).
// Part V makes the Phòng Văn hóa - Xã hội the focal point, the Công an phường lead on network
// security and the Trung tâm Phục vụ hành chính công one of the implementing units; tasks that
// say "phối hợp" are carried out with the city's Sở Khoa học và Công nghệ.
const VHXH = 'Phòng Văn hóa - Xã hội phường (đầu mối, mục V.1)';
const KTHT = 'Phòng Kinh tế, Hạ tầng và Đô thị phường';
const CAP = 'Công an phường (mục V.3)';
const TTPV = 'Trung tâm Phục vụ hành chính công phường';
const SKHCN = '31-SKHCN';
const KH35_TASKS: DemoTask[] = [
  // 1. Hạ tầng số
  { ref: 'II.1.(1)', lead: '11692', coop: [SKHCN], responsible: KTHT, status: doing('2025-12-31', 40),
    title: 'Hoàn thiện, tối ưu hóa hạ tầng Trung tâm dữ liệu (Data Center) của thành phố theo hướng hiện đại, sử dụng công nghệ điện toán đám mây, bảo đảm năng lực phục vụ Chính quyền số và các dịch vụ đô thị thông minh.' },
  { ref: 'II.1.(2)', lead: '11692', coop: [SKHCN], responsible: KTHT, status: doing('2025-12-31', 60),
    title: 'Duy trì, nâng cao năng lực Trung tâm giám sát, điều hành thông minh (IOC), Trung tâm Điều hành an ninh mạng (SOC) của thành phố; vận hành Hệ thống hội nghị truyền hình trực tuyến thành phố.' },
  { ref: 'II.1.(3)', lead: '11692', coop: [SKHCN], responsible: KTHT, status: todo('2025-12-31'),
    title: 'Phát triển mạng lưới cảm biến thu thập dữ liệu IoT phục vụ các ngành, lĩnh vực trọng điểm như logistics, giao thông, môi trường, nông nghiệp.' },
  { ref: 'II.1.(4)', lead: '11692', responsible: KTHT, status: done('2025-09-30', '2025-10-08'), deliverable: 'Mạng nội bộ và trang thiết bị CNTT của các cơ quan, đơn vị thuộc phường được nâng cấp',
    title: 'Nâng cấp mạng truyền số liệu chuyên dùng, mạng nội bộ và trang thiết bị công nghệ thông tin cho các cơ quan, đơn vị, bảo đảm đồng bộ, hiện đại, đáp ứng yêu cầu chuyển đổi số và triển khai Đề án 06/CP.' },
  // 2.a) Ứng dụng trong nội bộ
  { ref: 'II.2.a.(1)', lead: '11692', responsible: VHXH, targets: [tg('35/KH-UBND', IND.VB_KY_SO)], status: doing('2025-12-31', 75),
    title: 'Duy trì và phát triển Hệ thống quản lý văn bản và điều hành, bảo đảm trên 90% văn bản được ký số và xử lý trên môi trường mạng (trừ văn bản mật); duy trì Cổng thông tin điện tử liên thông 02 cấp và trang thông tin điện tử của phường; hệ thống thư điện tử; chữ ký số trên nền tảng di động.' },
  { ref: 'II.2.a.(2)', lead: '11692', responsible: VHXH, status: doing('2025-12-31', 30),
    title: 'Tăng cường áp dụng trợ lý ảo (AI) hỗ trợ công chức, viên chức nâng cao hiệu quả công việc và năng suất lao động; ứng dụng AI để tự động hóa việc kiểm tra, rà soát văn bản.' },
  { ref: 'II.2.a.(3)', lead: '11692', responsible: VHXH, targets: [tg('35/KH-UBND', IND.HSCV_MANG)], status: doing('2025-12-31', 50),
    title: 'Phát triển các nền tảng, ứng dụng số chuyên ngành để đưa hoạt động chỉ đạo, điều hành lên môi trường số, hỗ trợ ra quyết định dựa trên dữ liệu.' },
  // 2.b) Phục vụ người dân và doanh nghiệp
  { ref: 'II.2.b.(1)', lead: '11692', coop: [SKHCN], responsible: TTPV, targets: [tg('35/KH-UBND', IND.HAI_LONG)], status: doing('2025-12-31', 55),
    title: 'Nâng cấp, hoàn thiện Hệ thống thông tin giải quyết thủ tục hành chính của thành phố, tái cấu trúc quy trình để đơn giản hóa thủ tục, nâng cao trải nghiệm người dùng.' },
  { ref: 'II.2.b.(2)', lead: '11692', responsible: TTPV, targets: [tg('35/KH-UBND', IND.DVCTT_TOAN_TRINH), tg('35/KH-UBND', IND.HS_TRUC_TUYEN), tg('35/KH-UBND', IND.SO_HOA_KQ)], status: doing('2025-12-31', 70),
    title: 'Đẩy mạnh cung cấp dịch vụ công trực tuyến toàn trình, tích hợp thanh toán trực tuyến và số hóa kết quả giải quyết thủ tục hành chính để hình thành Kho dữ liệu của công dân, tổ chức.' },
  { ref: 'II.2.b.(3)', lead: '11692', responsible: VHXH, status: doing('2025-12-31', 65),
    title: 'Phát triển ứng dụng công dân số (Smart Hải Phòng) với nhiều tiện ích thiết thực, đồng thời tích hợp kênh tiếp nhận và xử lý phản ánh, kiến nghị của người dân.' },
  // 3. Phát triển dữ liệu số
  { ref: 'II.3.(1)', lead: '11692', coop: [SKHCN], responsible: VHXH, status: doing('2025-12-31', 35),
    title: 'Phối hợp xây dựng và vận hành hiệu quả kho dữ liệu dùng chung và nền tảng tổng hợp, phân tích dữ liệu của thành phố, cho phép kết nối, chia sẻ dữ liệu giữa các cơ quan nhà nước.' },
  { ref: 'II.3.(2)', lead: '11692', responsible: VHXH, status: doing('2025-12-31', 20),
    title: 'Từng bước mở dữ liệu của cơ quan nhà nước để cung cấp dịch vụ công, hỗ trợ người dân và doanh nghiệp phát triển kinh tế - xã hội.' },
  { ref: 'II.3.(3)', lead: '11692', responsible: KTHT, status: doing('2025-12-31', 45),
    title: 'Đẩy mạnh số hóa hồ sơ, tài liệu chuyên ngành, hình thành các cơ sở dữ liệu cốt lõi về đất đai, dân cư, doanh nghiệp, xây dựng, nông nghiệp…' },
  { ref: 'II.3.(4)', lead: '11692', coop: [SKHCN], responsible: VHXH, status: todo('2025-12-31'),
    title: 'Phối hợp xây dựng chiến lược dữ liệu của thành phố Hải Phòng.' },
  // 4. Đảm bảo an toàn, an ninh thông tin mạng
  { ref: 'II.4.(1)', lead: '11692', coop: [SKHCN], responsible: CAP, targets: [tg('35/KH-UBND', IND.HTTT_CAP_DO)], status: doing('2025-12-31', 60),
    title: 'Phối hợp triển khai mô hình bảo đảm an toàn thông tin «4 lớp» một cách thực chất, hiệu quả; 100% hệ thống thông tin được giám sát và bảo vệ chuyên nghiệp theo hướng dẫn của thành phố.' },
  { ref: 'II.4.(2)', lead: '11692', coop: [SKHCN], responsible: CAP, status: doing('2025-12-31', 50),
    title: 'Phối hợp, tham gia thường xuyên tổ chức đào tạo, diễn tập thực chiến về an toàn thông tin.' },
  { ref: 'II.4.(3)', lead: '11692', coop: [SKHCN], responsible: CAP, status: doing('2025-09-30', 50),
    title: 'Phối hợp xây dựng và triển khai phương án sao lưu dữ liệu theo nguyên tắc 3-2-1, bảo đảm có bản sao lưu ngoại tuyến (offline) để sẵn sàng phục hồi hệ thống nhanh chóng sau sự cố.' },
  { ref: 'II.4.(4)', lead: '11692', responsible: CAP, targets: [tg('35/KH-UBND', IND.HTTT_CAP_DO)], status: done('2025-09-30', '2025-09-25'), deliverable: 'Hồ sơ đề xuất cấp độ các hệ thống thông tin của phường được phê duyệt',
    title: 'Tổ chức đánh giá, phân loại, phê duyệt cấp độ an toàn hệ thống thông tin theo Nghị định 85/2016/NĐ-CP và Chỉ thị 09/CT-TTg ngày 23/02/2024; triển khai các phương án bảo vệ hệ thống theo đúng cấp độ đã được phê duyệt.' },
  // 5. Đào tạo, tuyên truyền và phát triển nguồn nhân lực
  { ref: 'II.5.(1)', lead: '11692', responsible: VHXH, targets: [tg('35/KH-UBND', IND.CBCC_KY_NANG)], status: done('2025-10-31', '2025-10-10'), deliverable: 'Lớp bồi dưỡng kiến thức, kỹ năng số cho cán bộ, công chức, viên chức của phường',
    title: 'Phối hợp, tham gia lớp đào tạo, tập huấn, bồi dưỡng kiến thức, kỹ năng số cho cán bộ chuyên trách, phụ trách công nghệ thông tin, cán bộ, công chức, viên chức của phường.' },
  { ref: 'II.5.(2)', lead: '11692', responsible: VHXH, status: tx(70),
    title: 'Tiếp tục tăng cường tuyên truyền, phổ biến, nâng cao nhận thức về tầm quan trọng của ứng dụng công nghệ thông tin và chuyển đổi số; đẩy mạnh truyền thông về lợi ích của chuyển đổi số trên các phương tiện thông tin đại chúng.' },
];

// ---- KH 215/KH-UBND: the task groups of Báo cáo 01-BC/BCĐ, I.10 (seed 004). The report gives, per
// group, the number of tasks and lead agencies and four sums; the tasks below are plausible (mẫu),
// their weights split each sum (see splitExact), so every group adds up to the report's figures.
const KH215_NOTE = 'Nhiệm vụ mẫu (demo): Báo cáo 01-BC/BCĐ chỉ nêu số nhiệm vụ và kinh phí của nhóm; tên, cơ quan chủ trì và phân bổ kinh phí của từng nhiệm vụ là giả lập.';

const KH215_THUONG_XUYEN: DemoTaskPlan = {
  plan: '215/KH-UBND',
  start: '2025-08-25',
  approvingAuthority: 'Ủy ban nhân dân thành phố',
  note: KH215_NOTE,
  group: {
    name: 'Nhiệm vụ thường xuyên',
    source: 'chi_thuong_xuyen',
    agencies: 10,
    requested: 700_840,
    approved: 223_361,
    requested2025: 207_312,
    allocated2025: 37_193,
    quote: '«Nhiệm vụ thường xuyên: Gồm 19 nhiệm vụ do 10 sở/đơn vị chủ trì; nhu cầu kinh phí nhóm này là 700,840 tỷ đồng; dự toán được duyệt 223,361 tỷ đồng; nhu cầu kinh phí năm 2025 là 207,312 tỷ đồng; kinh phí năm 2025 đã phân bổ là 37,193 tỷ đồng.»',
  },
  tasks: [
    { ref: 'TX.01', lead: '31-SKHCN', w: 14, status: tx(80), deliverable: 'Hợp đồng thuê dịch vụ; các hệ thống dùng chung vận hành trên đám mây', title: 'Thuê dịch vụ hạ tầng điện toán đám mây phục vụ vận hành các hệ thống thông tin dùng chung của thành phố' },
    { ref: 'TX.02', lead: '31-SKHCN', w: 5, status: tx(75), title: 'Duy trì, vận hành Hệ thống giám sát, điều hành an toàn, an ninh mạng (SOC) cho 02 Trung tâm dữ liệu thành phố, trực 24/7' },
    { ref: 'TX.03', lead: '31-SKHCN', w: 6, status: tx(75), title: 'Duy trì, vận hành Trung tâm giám sát, điều hành đô thị thông minh (IOC) và nền tảng tương tác phục vụ đô thị thông minh' },
    { ref: 'TX.04', lead: '31-SKHCN', w: 5, status: tx(80), title: 'Vận hành mạng truyền số liệu chuyên dùng cấp II và hệ thống hội nghị truyền hình trực tuyến tới 114 xã, phường, đặc khu' },
    { ref: 'TX.05', lead: '31-SKHCN', w: 4, status: tx(70), title: 'Vận hành Nền tảng tích hợp, chia sẻ dữ liệu (LGSP), Kho dữ liệu dùng chung và Cổng dữ liệu mở của thành phố' },
    { ref: 'TX.06', lead: '31-SKHCN', w: 2, status: tx(70), title: 'Duy trì, phát triển ứng dụng công dân số Smart Hải Phòng, tích hợp tiếp nhận phản ánh, kiến nghị của Tổng đài 1022' },
    { ref: 'TX.07', lead: '31-SKHCN', w: 1, status: tx(85), title: 'Duy trì Hệ thống phát triển kỹ năng số và nền tảng đào tạo, bồi dưỡng trực tuyến của thành phố' },
    { ref: 'TX.08', lead: '31-VPUBND', w: 5, status: tx(80), targets: [tg('215/KH-UBND', IND.DVCTT_TOAN_TRINH), tg('215/KH-UBND', IND.HS_TRUC_TUYEN)], title: 'Duy trì, vận hành Hệ thống thông tin giải quyết thủ tục hành chính của thành phố, kết nối Cổng Dịch vụ công quốc gia' },
    { ref: 'TX.09', lead: '31-VPUBND', w: 3, status: tx(85), title: 'Duy trì Hệ thống quản lý văn bản và điều hành, thư điện tử công vụ, chữ ký số chuyên dùng cho cán bộ, công chức, viên chức' },
    { ref: 'TX.10', lead: '31-VPUBND', w: 2, status: tx(80), targets: [tg('215/KH-UBND', IND.BAO_CAO)], title: 'Duy trì Cổng thông tin điện tử thành phố và Hệ thống thông tin báo cáo thành phố kết nối Hệ thống thông tin báo cáo Chính phủ' },
    { ref: 'TX.11', lead: '31-SNV', w: 1, status: tx(80), title: 'Vận hành, cập nhật Cơ sở dữ liệu cán bộ, công chức, viên chức của thành phố sau hợp nhất' },
    { ref: 'TX.12', lead: '31-SNV', w: 6, status: tx(60), title: 'Số hóa tài liệu lưu trữ lịch sử tại Trung tâm Lưu trữ lịch sử thành phố' },
    { ref: 'TX.13', lead: '31-STC', w: 1, status: tx(75), title: 'Duy trì Cơ sở dữ liệu tài chính - ngân sách và Hệ thống hỗ trợ chuẩn bị hồ sơ đăng ký doanh nghiệp' },
    { ref: 'TX.14', lead: '31-SYT', w: 4, status: tx(70), title: 'Duy trì hệ thống thông tin quản lý y tế, sổ sức khỏe điện tử và kết nối dữ liệu khám, chữa bệnh' },
    { ref: 'TX.15', lead: '31-SGDDT', w: 3, status: tx(75), title: 'Duy trì hệ thống quản lý giáo dục, học bạ số và kết nối dữ liệu học sinh với Cơ sở dữ liệu quốc gia về dân cư' },
    { ref: 'TX.16', lead: '31-SNNMT', w: 24, status: tx(55), title: 'Cập nhật, chỉnh lý, làm sạch Cơ sở dữ liệu đất đai thành phố và đồng bộ dữ liệu đất đai của tỉnh Hải Dương (cũ)' },
    { ref: 'TX.17', lead: '31-STP', w: 3, status: tx(70), title: 'Số hóa, làm sạch dữ liệu hộ tịch và đồng bộ với Cơ sở dữ liệu quốc gia về dân cư' },
    { ref: 'TX.18', lead: '31-CATP', w: 2, status: tx(80), title: 'Bảo đảm an ninh mạng, phòng chống tội phạm sử dụng công nghệ cao; phối hợp khai thác dữ liệu dân cư theo Đề án 06/CP' },
    { ref: 'TX.19', lead: '31-SXD', w: 3, status: tx(60), title: 'Duy trì Cơ sở dữ liệu kết cấu hạ tầng giao thông, quy hoạch và xây dựng' },
  ],
};

const KH215_HOAN_THANH_2025: DemoTaskPlan = {
  plan: '215/KH-UBND',
  start: '2025-08-25',
  approvingAuthority: 'Ủy ban nhân dân thành phố',
  note: KH215_NOTE,
  group: {
    name: 'Nhiệm vụ hoàn thành trong năm 2025',
    source: 'su_nghiep_cntt',
    agencies: 14,
    requested: 82_927,
    approved: 32_435,
    requested2025: 70_328,
    allocated2025: 34_845,
    quote: '«Nhiệm vụ hoàn thành trong năm 2025: Bao gồm 20 nhiệm vụ (18 nhiệm vụ thuộc nguồn công nghệ thông tin và 2 nhiệm vụ thuộc nguồn quỹ phát triển của đơn vị) được giao cho 14 sở/đơn vị chủ trì; nhu cầu kinh phí nhóm này là 82,927 tỷ đồng; dự toán được duyệt 32,435 tỷ đồng; nhu cầu kinh phí năm 2025 là 70,328 tỷ đồng; kinh phí năm 2025 đã phân bổ là 34,845 tỷ đồng.»',
  },
  tasks: [
    { ref: 'HT.01', lead: '31-SKHCN', w: 3, status: doing('2025-11-30', 70), deliverable: 'Khung kiến trúc Chính quyền số 4.0 được phê duyệt', title: 'Xây dựng, cập nhật Khung kiến trúc Chính quyền số 4.0 của thành phố Hải Phòng' },
    { ref: 'HT.02', lead: '31-SKHCN', w: 4, status: done('2025-09-30', '2025-09-26'), title: 'Kết nối giai đoạn 2 Hệ thống xác thực và định danh điện tử (SSO): 15 hệ thống của 06 đơn vị' },
    { ref: 'HT.03', lead: '31-SKHCN', w: 5, status: doing('2025-12-15', 55), title: 'Nâng cấp phần mềm phân tích, xử lý dữ liệu tổng hợp ứng dụng trí tuệ nhân tạo (AI) hỗ trợ ra quyết định' },
    { ref: 'HT.04', lead: '31-VPUBND', w: 4, status: doing('2025-11-30', 60), title: 'Triển khai trợ lý ảo (AI) hỗ trợ cán bộ, công chức trong xử lý văn bản, tổng hợp báo cáo' },
    { ref: 'HT.05', lead: '31-VPUBND', w: 6, status: done('2025-09-30', '2025-10-10'), targets: [tg('215/KH-UBND', IND.HS_TRUC_TUYEN)], title: 'Nâng cấp Hệ thống thông tin giải quyết thủ tục hành chính theo Nghị định 118/2025/NĐ-CP, tích hợp Cổng Dịch vụ công quốc gia' },
    { ref: 'HT.06', lead: '31-SNV', w: 2, status: doing('2025-11-30', 50), title: 'Xây dựng bộ chỉ số đánh giá chuyển đổi số (DTI) mới cho các đơn vị, địa phương sau hợp nhất và cập nhật phần mềm đánh giá' },
    { ref: 'HT.07', lead: '31-STC', w: 3, status: doing('2025-12-31', 40), title: 'Xây dựng Cơ sở dữ liệu giá và tài sản công của thành phố' },
    { ref: 'HT.08', lead: '31-SYT', w: 7, source: 'quy_phat_trien', status: doing('2025-12-31', 80), title: 'Triển khai hồ sơ bệnh án điện tử tại các bệnh viện còn lại (nguồn quỹ phát triển hoạt động sự nghiệp của đơn vị)' },
    { ref: 'HT.09', lead: '31-SYT', w: 2, status: done('2025-09-30', '2025-08-29'), title: 'Lắp đặt Kiosk đăng ký khám, chữa bệnh tại 22 đơn vị y tế' },
    { ref: 'HT.10', lead: '31-SGDDT', w: 2, status: todo('2025-12-31'), title: 'Thí điểm cấp chứng nhận, chứng chỉ điện tử ứng dụng chữ ký số trong ngành giáo dục' },
    { ref: 'HT.11', lead: '31-SNNMT', w: 4, status: doing('2025-12-31', 65), title: 'Triển khai nền tảng số giám sát, thu thập dữ liệu tài nguyên, môi trường (Hệ thống nhận, truyền và quản lý dữ liệu môi trường Envisoft)' },
    { ref: 'HT.12', lead: '31-SNNMT', w: 6, status: doing('2025-12-31', 45), title: 'Ứng dụng viễn thám, trí tuệ nhân tạo phục vụ quản lý không gian thành phố (chụp ảnh vệ tinh 1 quý/lần)' },
    { ref: 'HT.13', lead: '31-SXD', w: 3, status: doing('2025-12-31', 50), title: 'Xây dựng hệ thống quản lý trật tự xây dựng trên nền bản đồ số' },
    { ref: 'HT.14', lead: '31-SCT', w: 2, status: doing('2025-12-31', 60), title: 'Hỗ trợ doanh nghiệp, hợp tác xã đưa sản phẩm OCOP lên sàn thương mại điện tử' },
    { ref: 'HT.15', lead: '31-STP', w: 2, status: doing('2025-09-30', 80), title: 'Nâng cấp phần mềm quản lý lý lịch tư pháp, kết nối Cơ sở dữ liệu lý lịch tư pháp quốc gia' },
    { ref: 'HT.16', lead: '31-SVHTTDL', w: 3, status: doing('2025-12-31', 55), title: 'Nâng cấp Cổng du lịch thông minh, bản đồ số di tích, điểm tham quan' },
    { ref: 'HT.17', lead: '31-TTRA', w: 2, status: doing('2025-10-15', 60), title: 'Triển khai phần mềm quản lý công tác thanh tra, tiếp công dân, giải quyết khiếu nại, tố cáo' },
    { ref: 'HT.18', lead: '31-BQLKKT', w: 2, status: doing('2025-12-31', 50), title: 'Triển khai hệ thống một cửa điện tử phục vụ nhà đầu tư trong khu kinh tế, khu công nghiệp' },
    { ref: 'HT.19', lead: '31-DPTTH', w: 6, source: 'quy_phat_trien', status: doing('2025-12-31', 70), title: 'Đầu tư tòa soạn hội tụ, hạ tầng sản xuất và phát sóng chương trình số (nguồn quỹ phát triển sự nghiệp của đơn vị)' },
    { ref: 'HT.20', lead: '31-SKHCN', w: 2, status: done('2025-10-31', '2025-10-15'), title: 'Nâng cấp Cổng thông tin khởi nghiệp đổi mới sáng tạo của thành phố' },
  ],
};

/** 24 tasks of the IT budget line: equipment and sector software, by agency. */
const cntt = (ref: string, lead: string, w: number, status: DemoStatus, title: string): DemoTask => ({ ref, lead, w, status, title });
const KH215_SU_NGHIEP_CNTT: DemoTaskPlan = {
  plan: '215/KH-UBND',
  start: '2025-08-25',
  approvingAuthority: 'Ủy ban nhân dân thành phố',
  note: KH215_NOTE,
  group: {
    name: 'Nhiệm vụ nguồn sự nghiệp công nghệ thông tin',
    source: 'su_nghiep_cntt',
    agencies: null,
    requested: 95_210,
    approved: 30_226,
    requested2025: 39_852,
    allocated2025: 39_852,
    quote: '«Nhiệm vụ nguồn sự nghiệp công nghệ thông tin: Có 24 nhiệm vụ nhu cầu kinh phí nhóm này là 95,21 tỷ đồng; dự toán được duyệt 30,226 tỷ đồng; nhu cầu kinh phí năm 2025 là 39,852 tỷ đồng; kinh phí năm 2025 đã phân bổ là 39,852 tỷ đồng.»',
  },
  tasks: [
    cntt('CNTT.01', '31-SKHCN', 6, doing('2025-12-31', 60), 'Bổ sung thiết bị bảo mật, lưu trữ cho Trung tâm dữ liệu thành phố'),
    cntt('CNTT.02', '31-SKHCN', 3, done('2025-10-31', '2025-10-03'), 'Trang bị thiết bị hội nghị truyền hình cho Trung tâm Phục vụ hành chính công các xã, phường, đặc khu'),
    cntt('CNTT.03', '31-VPUBND', 3, done('2025-09-30', '2025-09-19'), 'Nâng cấp phòng họp không giấy và thiết bị hội nghị trực tuyến của Ủy ban nhân dân thành phố'),
    cntt('CNTT.04', '31-VPUBND', 2, doing('2025-12-31', 50), 'Nâng cấp phần mềm một cửa điện tử tại Bộ phận Một cửa cấp thành phố'),
    cntt('CNTT.05', '31-SNV', 2, done('2025-09-30', '2025-10-14'), 'Trang bị máy tính, thiết bị mạng cho Sở Nội vụ sau hợp nhất'),
    cntt('CNTT.06', '31-SNV', 2, doing('2025-12-31', 40), 'Nâng cấp phần mềm quản lý thi đua, khen thưởng'),
    cntt('CNTT.07', '31-STC', 2, done('2025-10-31', '2025-10-06'), 'Trang bị máy tính, thiết bị mạng cho Sở Tài chính sau hợp nhất'),
    cntt('CNTT.08', '31-STC', 2, doing('2025-12-31', 45), 'Nâng cấp phần mềm quản lý ngân sách xã, phường, đặc khu'),
    cntt('CNTT.09', '31-SYT', 3, doing('2025-12-31', 55), 'Nâng cấp phần mềm quản lý hành nghề y, dược'),
    cntt('CNTT.10', '31-SYT', 3, done('2025-10-31', '2025-09-30'), 'Trang bị thiết bị công nghệ thông tin cho Trung tâm Kiểm soát bệnh tật'),
    cntt('CNTT.11', '31-SGDDT', 4, doing('2025-12-31', 60), 'Trang bị thiết bị phòng học trực tuyến cho các trường trung học phổ thông'),
    cntt('CNTT.12', '31-SGDDT', 2, todo('2025-12-31'), 'Nâng cấp phần mềm tuyển sinh trực tuyến'),
    cntt('CNTT.13', '31-SNNMT', 4, doing('2025-12-31', 50), 'Nâng cấp thiết bị quan trắc môi trường tự động, truyền dữ liệu về Sở'),
    cntt('CNTT.14', '31-SNNMT', 3, doing('2025-10-15', 70), 'Trang bị máy chủ, thiết bị lưu trữ cho Văn phòng đăng ký đất đai'),
    cntt('CNTT.15', '31-SXD', 2, done('2025-10-31', '2025-10-09'), 'Trang bị máy tính, thiết bị mạng cho Sở Xây dựng sau hợp nhất'),
    cntt('CNTT.16', '31-SXD', 2, doing('2025-12-31', 35), 'Nâng cấp phần mềm cấp giấy phép lái xe, quản lý phương tiện'),
    cntt('CNTT.17', '31-SCT', 2, doing('2025-12-31', 40), 'Nâng cấp phần mềm quản lý cụm công nghiệp, xúc tiến thương mại'),
    cntt('CNTT.18', '31-STP', 2, done('2025-10-31', '2025-10-16'), 'Trang bị máy quét, thiết bị số hóa dữ liệu hộ tịch'),
    cntt('CNTT.19', '31-SVHTTDL', 2, doing('2025-12-31', 45), 'Số hóa hiện vật, tư liệu tại Bảo tàng thành phố'),
    cntt('CNTT.20', '31-SDTTG', 1, todo('2025-12-31'), 'Trang bị máy tính, thiết bị mạng cho Sở Dân tộc và Tôn giáo'),
    cntt('CNTT.21', '31-TTRA', 1, done('2025-10-31', '2025-09-29'), 'Trang bị máy tính, thiết bị mạng cho Thanh tra thành phố'),
    cntt('CNTT.22', '31-BQLKKT', 2, doing('2025-12-31', 55), 'Nâng cấp mạng nội bộ, thiết bị an toàn thông tin của Ban Quản lý Khu kinh tế'),
    cntt('CNTT.23', '31-DPTTH', 3, done('2025-10-31', '2025-10-17'), 'Nâng cấp hệ thống lưu trữ tư liệu số của Đài Phát thanh và Truyền hình'),
    cntt('CNTT.24', '31-BAOHP', 1, doing('2025-12-31', 50), 'Nâng cấp phần mềm tòa soạn điện tử của Báo Hải Phòng'),
  ],
};

const KH215_DAU_TU_CONG: DemoTaskPlan = {
  plan: '215/KH-UBND',
  start: '2025-08-25',
  approvingAuthority: 'Hội đồng nhân dân thành phố (chủ trương đầu tư), Ủy ban nhân dân thành phố',
  note: KH215_NOTE,
  group: {
    name: 'Nhiệm vụ nguồn đầu tư công',
    source: 'dau_tu_cong',
    agencies: 1,
    requested: 31_236,
    approved: null,
    requested2025: 31_056,
    allocated2025: 31_056,
    quote: '«Nhiệm vụ nguồn đầu tư công: Gồm 1 nhiệm vụ với nhu cầu kinh phí là 31,236 tỷ đồng; nhu cầu kinh phí năm 2025 là 31,056 tỷ đồng; kinh phí năm 2025 đã phân bổ là 31,056 tỷ đồng.»',
  },
  tasks: [
    { ref: 'ĐTC.01', lead: '31-SKHCN', status: doing('2025-12-31', 65), deliverable: 'Hạ tầng Trung tâm dữ liệu thành phố được nâng cấp, nghiệm thu', title: 'Dự án đầu tư nâng cấp hạ tầng Trung tâm dữ liệu thành phố phục vụ chính quyền địa phương 2 cấp' },
  ],
};

// ---- Báo cáo 01-BC/BCĐ, I.1.a (seed 004): the plans of the central level and of the Thành ủy. The
// report states how many tasks the city was given and how far they are; the titles are mẫu (demo),
// drawn from what the report says was done, except the one task it names (the digital twin pilot).
const MAU = 'Nhiệm vụ mẫu (demo): Báo cáo 01-BC/BCĐ chỉ nêu số nhiệm vụ và tình trạng chung; tên nhiệm vụ là giả lập.';
const ON_TIME = '2025-12-31';

/** «Tại Nghị quyết số 71/NQ-CP, thành phố được giao 25 nhiệm vụ, đã và đang thực hiện 24 nhiệm vụ; chưa triển khai 01 nhiệm vụ …». */
const NQ71: DemoTaskPlan = {
  plan: '71/NQ-CP',
  start: '2025-04-01',
  approvingAuthority: 'Ủy ban nhân dân thành phố',
  note: MAU,
  tasks: [
    { ref: '1', lead: '31-SKHCN', status: done('2025-05-31', '2025-05-20'), title: 'Ban hành kế hoạch của thành phố thực hiện Chương trình hành động của Chính phủ thực hiện Nghị quyết số 57-NQ/TW' },
    { ref: '2', lead: '31-SKHCN', status: done('2025-07-31', '2025-07-01'), title: 'Kiện toàn Ban Chỉ đạo phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số thành phố sau hợp nhất' },
    { ref: '3', lead: '31-STC', status: doing(ON_TIME, 20), targets: [tg('01-BC/BCĐ', IND.CHI_KHCN_CDS)], title: 'Bố trí tối thiểu 3% tổng chi ngân sách cho phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số' },
    { ref: '4', lead: '31-SKHCN', status: done('2025-06-30', '2025-06-25'), title: 'Rà soát, bãi bỏ các rào cản, cắt giảm thủ tục hành chính trong hoạt động khoa học, công nghệ và đổi mới sáng tạo' },
    { ref: '5', lead: '31-VPUBND', status: doing(ON_TIME, 85), targets: [tg('215/KH-UBND', IND.DVCTT_TOAN_TRINH)], title: 'Cung cấp 100% dịch vụ công trực tuyến toàn trình đối với thủ tục hành chính đủ điều kiện' },
    { ref: '6', lead: '31-VPUBND', status: doing(ON_TIME, 70), title: 'Cắt giảm tối thiểu 50% thời gian giải quyết thủ tục hành chính liên quan đến hoạt động sản xuất, kinh doanh' },
    { ref: '7', lead: '31-SKHCN', status: doing(ON_TIME, 60), title: 'Xây dựng, hoàn thiện các cơ sở dữ liệu chuyên ngành bảo đảm «đúng, đủ, sạch, sống», kết nối với cơ sở dữ liệu quốc gia' },
    { ref: '8', lead: '31-SNV', status: doing(ON_TIME, 75), targets: [tg('215/KH-UBND', IND.SO_HOA_KQ)], title: 'Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính và tài liệu lưu trữ' },
    { ref: '9', lead: '31-SKHCN', status: done('2025-09-30', '2025-09-15'), title: 'Kết nối Nền tảng tích hợp, chia sẻ dữ liệu của thành phố (LGSP) với Nền tảng tích hợp, chia sẻ dữ liệu quốc gia' },
    { ref: '10', lead: '31-SKHCN', status: doing(ON_TIME, 55), targets: [tg('03-NQ/TU', IND.CAP_QUANG)], title: 'Phát triển hạ tầng 5G, internet vạn vật (IoT) trong các khu công nghiệp, cụm công nghiệp; xóa vùng lõm sóng' },
    { ref: '11', lead: '31-SKHCN', status: doing(ON_TIME, 65), title: 'Chuyển đổi các hệ thống thông tin sang sử dụng nền tảng điện toán đám mây theo Quyết định 1121/QĐ-TTg' },
    { ref: '12', lead: '31-CATP', status: done('2025-08-31', '2025-08-04'), title: 'Kiểm tra an ninh mạng, an toàn thông tin các hệ thống thông tin phục vụ hành chính công' },
    { ref: '13', lead: '31-SKHCN', status: doing(ON_TIME, 70), title: 'Triển khai Phong trào «Bình dân học vụ số», phổ cập kỹ năng số cho người dân' },
    { ref: '14', lead: '31-SNV', status: done('2025-06-30', '2025-05-30'), title: 'Ban hành kế hoạch thực hiện Đề án «Thu hút, trọng dụng nhân tài và nguồn nhân lực chất lượng cao thành phố Hải Phòng đến năm 2030, tầm nhìn đến năm 2050» (Quyết định 807/QĐ-UBND ngày 06/3/2025)' },
    { ref: '15', lead: '31-SNV', status: doing(ON_TIME, 50), title: 'Đào tạo, bồi dưỡng kỹ năng số, trí tuệ nhân tạo cho cán bộ, công chức, viên chức' },
    { ref: '16', lead: '31-SKHCN', status: doing(ON_TIME, 45), title: 'Phát triển doanh nghiệp công nghệ số; thu hút đầu tư vào lĩnh vực bán dẫn, trí tuệ nhân tạo' },
    { ref: '17', lead: '31-SKHCN', status: doing(ON_TIME, 60), title: 'Hỗ trợ doanh nghiệp nhỏ và vừa chuyển đổi số' },
    { ref: '18', lead: '31-SKHCN', status: doing(ON_TIME, 50), title: 'Xây dựng và tổ chức triển khai Đề án thành lập Trung tâm hỗ trợ khởi nghiệp đổi mới sáng tạo Hải Phòng' },
    { ref: '19', lead: '31-STC', status: doing(ON_TIME, 40), title: 'Thực hiện cơ chế khoán chi đến sản phẩm cuối cùng đối với nhiệm vụ khoa học và công nghệ sử dụng ngân sách nhà nước' },
    { ref: '20', lead: '31-SCT', status: doing(ON_TIME, 55), title: 'Phát triển thương mại điện tử, kinh tế số trong các ngành công nghiệp chủ lực, logistics, dịch vụ cảng biển' },
    { ref: '21', lead: '31-CATP', status: done('2025-09-30', '2025-09-30'), title: 'Khai thác, sử dụng dữ liệu dân cư phục vụ giải quyết thủ tục hành chính theo Đề án 06/CP' },
    { ref: '22', lead: '31-NHNN', status: doing(ON_TIME, 75), title: 'Thúc đẩy thanh toán không dùng tiền mặt trong dịch vụ công, y tế, giáo dục' },
    { ref: '23', lead: '31-SKHCN', status: done('2025-08-31', '2025-08-22'), title: 'Tuyên truyền kết quả thực hiện Nghị quyết số 57-NQ/TW trên các phương tiện thông tin đại chúng' },
    { ref: '24', lead: '31-SKHCN', status: doing(ON_TIME, 80), title: 'Cập nhật hằng ngày tiến độ, kết quả thực hiện trên Hệ thống thông tin giám sát, đánh giá việc thực hiện Nghị quyết số 57-NQ/TW' },
    { ref: '25', lead: '31-SXD', coop: ['31-SKHCN'], status: dropped(null, 'Hải Phòng không thuộc diện thí điểm (Báo cáo 01-BC/BCĐ, I.1.a).', '2025-05-15'), title: 'Đề án thí điểm bản sao số cho một số đô thị trực thuộc Trung ương' },
  ],
};

/** «Tại Kế hoạch số 02-KH/BCĐTW, thành phố được giao 25 nhiệm vụ, đã hoàn thành 17 nhiệm vụ, đang thực hiện 8 nhiệm vụ trong hạn». */
const KH02: DemoTaskPlan = {
  plan: '02-KH/BCĐTW',
  start: '2025-06-19',
  approvingAuthority: 'Ban Chỉ đạo thành phố',
  note: MAU,
  tasks: [
    { ref: '1', lead: '31-BCDCDS', status: done('2025-08-31', '2025-08-26'), title: 'Ban hành Kế hoạch của Ban Chỉ đạo thành phố thực hiện Kế hoạch số 02-KH/BCĐTW (Kế hoạch 01-KH/BCĐ)' },
    { ref: '2', lead: '31-VPUBND', status: done('2025-07-31', '2025-07-01'), title: 'Kết nối Hệ thống quản lý văn bản và điều hành từ thành phố đến 100% xã, phường, đặc khu' },
    { ref: '3', lead: '31-SKHCN', status: done('2025-07-31', '2025-06-30'), title: 'Triển khai hệ thống hội nghị truyền hình trực tuyến tới 114 xã, phường, đặc khu' },
    { ref: '4', lead: '31-SKHCN', status: done('2025-07-31', '2025-07-15'), title: 'Kết nối mạng truyền số liệu chuyên dùng tới 100% xã, phường, đặc khu, liên thông với mạng trục cấp I' },
    { ref: '5', lead: '31-SKHCN', status: done('2025-08-31', '2025-08-20'), title: 'Đầu tư trang thiết bị công nghệ thông tin cho Trung tâm phục vụ hành chính công các xã, phường, đặc khu' },
    { ref: '6', lead: '31-VPUBND', status: done('2025-07-31', '2025-07-25'), title: 'Công bố danh mục thủ tục hành chính cấp tỉnh, cấp xã sau sắp xếp (1.915 TTHC cấp tỉnh, 320 TTHC cấp xã)' },
    { ref: '7', lead: '31-VPUBND', status: done('2025-08-31', '2025-08-15'), title: 'Công bố thủ tục hành chính thực hiện không phụ thuộc địa giới hành chính (1.320 thủ tục)' },
    { ref: '8', lead: '31-VPUBND', status: doing(ON_TIME, 70), title: 'Hợp nhất Hệ thống thông tin giải quyết thủ tục hành chính và kho dữ liệu của hai địa phương trước hợp nhất' },
    { ref: '9', lead: '31-VPUBND', status: done('2025-09-30', '2025-09-10'), title: 'Đồng bộ toàn bộ hồ sơ giải quyết thủ tục hành chính về Kho dữ liệu của công dân, tổ chức' },
    { ref: '10', lead: '31-SNNMT', status: doing(ON_TIME, 60), title: 'Đồng bộ dữ liệu đất đai của tỉnh Hải Dương (cũ) về hệ thống chung của thành phố' },
    { ref: '11', lead: '31-SKHCN', status: doing(ON_TIME, 75), title: 'Kết nối, làm sạch dữ liệu để liên thông với 12 cơ sở dữ liệu quốc gia và chuyên ngành trọng yếu' },
    { ref: '12', lead: '31-SNV', status: doing(ON_TIME, 80), title: 'Số hóa tài liệu lưu trữ lịch sử, hoàn thành số hóa ít nhất 30% tài liệu có giá trị cao trong năm 2025' },
    { ref: '13', lead: '31-VPUBND', status: done('2025-07-31', '2025-07-20'), title: 'Cấp hộp thư điện tử công vụ cho 100% cán bộ, công chức, viên chức' },
    { ref: '14', lead: '31-SKHCN', status: done('2025-07-31', '2025-07-10'), title: 'Cấp chữ ký số chuyên dùng cho cán bộ, công chức cấp xã giải quyết thủ tục hành chính' },
    { ref: '15', lead: '31-SKHCN', status: done('2025-08-31', '2025-08-29'), title: 'Cập nhật đơn vị hành chính mới theo mô hình chính quyền địa phương 2 cấp trên các hệ thống dùng chung' },
    { ref: '16', lead: '31-SKHCN', status: doing(ON_TIME, 50), title: 'Ban hành bộ chỉ số đánh giá chuyển đổi số (DTI) cho các đơn vị, địa phương sau hợp nhất' },
    { ref: '17', lead: '31-SKHCN', status: done('2025-08-31', '2025-08-01'), title: 'Báo cáo hằng ngày trên Hệ thống thông tin giám sát, đánh giá việc thực hiện Nghị quyết số 57-NQ/TW' },
    { ref: '18', lead: '31-SNV', status: done('2025-08-31', '2025-08-12'), title: 'Tập huấn cán bộ cấp xã sử dụng các nền tảng số phục vụ chính quyền địa phương 2 cấp' },
    { ref: '19', lead: '31-SKHCN', status: doing(ON_TIME, 60), title: 'Kết nối giai đoạn 2 Hệ thống xác thực và định danh điện tử (SSO)' },
    { ref: '20', lead: '31-SKHCN', status: doing(ON_TIME, 55), title: 'Tích hợp các hệ thống giai đoạn 2, 3 vào Nền tảng tích hợp, chia sẻ dữ liệu (LGSP)' },
    { ref: '21', lead: '31-SKHCN', status: done('2025-09-30', '2025-09-05'), title: 'Thống nhất sử dụng Cổng dữ liệu mở của thành phố Hải Phòng sau hợp nhất' },
    { ref: '22', lead: '31-SKHCN', status: doing(ON_TIME, 65), title: 'Bổ sung dữ liệu của tỉnh Hải Dương (cũ) vào ứng dụng Smart Hải Phòng' },
    { ref: '23', lead: '31-VPUBND', status: done('2025-08-31', '2025-08-25'), title: 'Tích hợp thanh toán trực tuyến, đồng bộ trạng thái hồ sơ trên Hệ thống thông tin giải quyết thủ tục hành chính' },
    { ref: '24', lead: '31-CATP', status: done('2025-09-30', '2025-09-20'), title: 'Bảo đảm an toàn, an ninh mạng cho các hệ thống thông tin phục vụ chính quyền địa phương 2 cấp' },
    { ref: '25', lead: '31-BCDCDS', status: done('2025-09-30', '2025-09-05'), title: 'Thành lập Tổ công tác liên ngành giám sát, hỗ trợ triển khai Kế hoạch số 02-KH/BCĐTW' },
  ],
};

/** «Tại Kế hoạch số 447-KH/TU … có 19 nhiệm vụ, đã hoàn thành 5 nhiệm vụ, 2 nhiệm vụ sẽ hoàn thành trong tháng 10/2025, 12 nhiệm vụ đang thực hiện trong hạn». */
const OCT = '2025-10-31';
const VPTU = 'Văn phòng Thành ủy';
const KH447: DemoTaskPlan = {
  plan: '447-KH/TU',
  start: '2025-04-09',
  approvingAuthority: 'Ban Thường vụ Thành ủy',
  note: MAU,
  tasks: [
    { ref: '1', lead: '31-TU', responsible: VPTU, status: doing(ON_TIME, 60), title: 'Nâng cấp trung tâm dữ liệu của Thành ủy' },
    { ref: '2', lead: '31-TU', responsible: VPTU, status: done('2025-09-30', '2025-09-12'), title: 'Bổ sung thiết bị đầu cuối cho các cơ quan đảng thành phố và cấp xã (917 máy tính để bàn, 150 máy tính xách tay, 192 máy in, 39 máy quét)' },
    { ref: '3', lead: '31-TU', responsible: VPTU, coop: ['31-SKHCN'], status: done('2025-08-31', '2025-08-15'), title: 'Kết nối mạng truyền số liệu chuyên dùng có giải pháp bảo mật của Ban Cơ yếu Chính phủ tới 100% đảng ủy xã, phường, đặc khu' },
    { ref: '4', lead: '31-TU', responsible: VPTU, status: doing(OCT, 90), title: 'Hoàn thiện Hệ thống thông tin điều hành tác nghiệp của cơ quan đảng, đồng bộ với văn bản điều hành khối chính quyền' },
    { ref: '5', lead: '31-TU', responsible: VPTU, status: done('2025-08-31', '2025-08-29'), title: 'Gửi, nhận văn bản (bao gồm văn bản mật) trên mạng thông tin diện rộng của Đảng' },
    { ref: '6', lead: '31-TU', responsible: VPTU, status: done('2025-07-31', '2025-07-18'), title: 'Triển khai ứng dụng phòng họp không giấy cho các hội nghị của Thường trực, Ban Thường vụ, Ban Chấp hành Đảng bộ thành phố' },
    { ref: '7', lead: '31-TU', responsible: VPTU, status: done('2025-09-30', '2025-09-25'), title: 'Số hóa tài liệu lưu trữ lịch sử của Đảng bộ thành phố Hải Phòng và Đảng bộ tỉnh Hải Dương (cũ) (gần 1,2 triệu trang)' },
    { ref: '8', lead: '31-TU', responsible: 'Ủy ban Kiểm tra Thành ủy', status: doing(OCT, 90), title: 'Số hóa hồ sơ công tác kiểm tra, giám sát của cấp ủy và Ủy ban Kiểm tra Thành ủy' },
    { ref: '9', lead: '31-TU', responsible: VPTU, status: doing(ON_TIME, 80), title: 'Ứng dụng trí tuệ nhân tạo phục vụ tổ chức Đại hội Đảng bộ thành phố nhiệm kỳ 2025 - 2030 theo hình thức «Đại hội số»' },
    { ref: '10', lead: '31-TU', responsible: VPTU, status: doing(ON_TIME, 40), title: 'Cải cách thủ tục hành chính trong Đảng, thực hiện trên môi trường số' },
    { ref: '11', lead: '31-TU', responsible: 'Ban Tổ chức Thành ủy', status: doing(ON_TIME, 50), title: 'Cập nhật, đồng bộ Cơ sở dữ liệu đảng viên sau hợp nhất' },
    { ref: '12', lead: '31-TU', responsible: VPTU, status: doing(ON_TIME, 70), title: 'Tập huấn sử dụng công nghệ AI cho cán bộ, công chức cơ quan đảng, Mặt trận Tổ quốc, đoàn thể' },
    { ref: '13', lead: '31-TU', responsible: VPTU, status: doing(ON_TIME, 60), title: 'Mở rộng hệ thống hội nghị truyền hình của khối đảng tới đảng ủy cấp xã' },
    { ref: '14', lead: '31-TU', responsible: VPTU, status: doing(ON_TIME, 55), title: 'Cấp chữ ký số chuyên dùng cho cán bộ cơ quan đảng' },
    { ref: '15', lead: '31-TU', responsible: VPTU, coop: ['31-CATP'], status: doing(ON_TIME, 50), title: 'Bảo đảm an toàn, an ninh thông tin cho hệ thống công nghệ thông tin của các cơ quan đảng' },
    { ref: '16', lead: '31-TU', responsible: 'Ban Tổ chức Thành ủy', status: doing(ON_TIME, 35), title: 'Triển khai Sổ tay đảng viên điện tử' },
    { ref: '17', lead: '31-TU', responsible: VPTU, status: doing(ON_TIME, 45), title: 'Ban hành quy chế quản lý, vận hành hệ thống công nghệ thông tin của các cơ quan đảng' },
    { ref: '18', lead: '31-TU', responsible: VPTU, status: doing(ON_TIME, 65), title: 'Cấp hộp thư điện tử công vụ cho cán bộ khối đảng, Mặt trận Tổ quốc, đoàn thể' },
    { ref: '19', lead: '31-TU', responsible: VPTU, status: doing(ON_TIME, 75), title: 'Cập nhật tiến độ, kết quả thực hiện trên hệ thống giám sát trực tuyến của Trung ương' },
  ],
};

/**
 * «Tại các Thông báo kết luận của Ban Chỉ đạo Trung ương, thành phố được giao 84 nhiệm vụ, đã hoàn
 * thành 37 nhiệm vụ, đang triển khai 47 nhiệm vụ trong hạn». The report does not list them: 28
 * themes (mẫu) recur in three conclusions (phiên 1–3, mẫu); of each, the first `done` are completed.
 */
const TBKL_THEMES: [string, string][] = [
  ['31-SKHCN', 'rà soát, hoàn thiện hạ tầng số dùng chung của thành phố'],
  ['31-SKHCN', 'bảo đảm kết nối, chia sẻ dữ liệu với các bộ, ngành Trung ương'],
  ['31-SKHCN', 'phát triển nền tảng số dùng chung phục vụ chính quyền số'],
  ['31-SKHCN', 'phát triển doanh nghiệp công nghệ số trên địa bàn'],
  ['31-SKHCN', 'thúc đẩy đổi mới sáng tạo, khởi nghiệp sáng tạo'],
  ['31-SKHCN', 'ứng dụng trí tuệ nhân tạo trong cơ quan nhà nước'],
  ['31-SKHCN', 'bảo đảm an toàn thông tin theo mô hình 4 lớp'],
  ['31-SKHCN', 'phổ cập dịch vụ 5G và băng rộng cố định'],
  ['31-VPUBND', 'cắt giảm, đơn giản hóa thủ tục hành chính trên môi trường số'],
  ['31-VPUBND', 'nâng cao chất lượng dịch vụ công trực tuyến toàn trình'],
  ['31-VPUBND', 'vận hành Hệ thống thông tin báo cáo thành phố'],
  ['31-SNV', 'bồi dưỡng kỹ năng số cho cán bộ, công chức, viên chức'],
  ['31-SNV', 'thu hút, trọng dụng chuyên gia về khoa học, công nghệ'],
  ['31-SNV', 'số hóa tài liệu lưu trữ'],
  ['31-STC', 'bố trí kinh phí cho khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số'],
  ['31-STC', 'đẩy nhanh giải ngân kinh phí khoa học, công nghệ và chuyển đổi số'],
  ['31-STC', 'cơ chế tài chính đặc thù cho khoa học, công nghệ'],
  ['31-SYT', 'chuyển đổi số trong lĩnh vực y tế'],
  ['31-SGDDT', 'chuyển đổi số trong giáo dục và đào tạo'],
  ['31-SNNMT', 'hoàn thiện cơ sở dữ liệu đất đai'],
  ['31-SNNMT', 'giám sát tài nguyên, môi trường trên nền tảng số'],
  ['31-SXD', 'giao thông thông minh và quản lý đô thị trên nền tảng số'],
  ['31-SCT', 'phát triển thương mại điện tử và logistics số'],
  ['31-STP', 'làm sạch dữ liệu hộ tịch, lý lịch tư pháp'],
  ['31-CATP', 'triển khai Đề án 06/CP, khai thác dữ liệu dân cư'],
  ['31-CATP', 'phòng, chống tội phạm công nghệ cao'],
  ['31-BQLKKT', 'thu hút đầu tư công nghệ cao vào khu kinh tế'],
  ['31-NHNN', 'thanh toán không dùng tiền mặt'],
];
const TBKL_SESSIONS = [
  { n: 1, verb: 'Triển khai các giải pháp', done: 22, start: '2025-03-15', due: '2025-09-30' },
  { n: 2, verb: 'Đẩy mạnh', done: 12, start: '2025-05-20', due: ON_TIME },
  { n: 3, verb: 'Tiếp tục', done: 3, start: '2025-08-15', due: ON_TIME },
];
const TBKL: DemoTaskPlan = {
  plan: 'TBKL/BCĐTW-2025',
  start: '2025-03-15',
  approvingAuthority: 'Ban Chỉ đạo thành phố',
  note: MAU,
  tasks: TBKL_SESSIONS.flatMap((s) =>
    TBKL_THEMES.map(([lead, theme], i): DemoTask => ({
      ref: `${s.n}.${i + 1}`,
      lead,
      start: s.start,
      // Completed ones finished before their due date; the others are due at the end of 2025 (trong hạn).
      status: i < s.done ? done(s.due, addDays(s.start, 40 + ((i * 7) % 60))) : doing(ON_TIME, 30 + ((i * 13 + s.n * 7) % 60)),
      title: `${s.verb} ${theme} (Thông báo kết luận phiên ${s.n}, mẫu)`,
    })),
  ),
};

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

const KH227: DemoTaskPlan = { plan: '227/KH-UBND', start: '2020-09-21', approvingAuthority: 'Ủy ban nhân dân thành phố', tasks: KH227_TASKS };
const NQ03: DemoTaskPlan = { plan: '03-NQ/TU', start: '2021-10-26', approvingAuthority: 'Ban Thường vụ Thành ủy', tasks: NQ03_TASKS };
const KH35: DemoTaskPlan = { plan: '35/KH-UBND', start: '2025-08-28', approvingAuthority: 'Ủy ban nhân dân phường Dương Kinh', tasks: KH35_TASKS };

/** Every task list, in display order. */
export const DEMO_TASK_PLANS: DemoTaskPlan[] = [KH227, NQ03, KH215_THUONG_XUYEN, KH215_HOAN_THANH_2025, KH215_SU_NGHIEP_CNTT, KH215_DAU_TU_CONG, KH35, NQ71, TBKL, KH02, KH447];

/**
 * Progress reports on the timelines (mẫu), besides the state changes every started task gets.
 * Several quote seed 004's figures, so the figure on screen can be traced to the report.
 */
export interface DemoTaskUpdate {
  plan: string;
  ref: string;
  at: string;
  progress: number;
  body: string;
  /** 'ward': written by the ward's reporting officer; else by the coordinating office. */
  by?: 'ward';
}
export const DEMO_TASK_UPDATES: DemoTaskUpdate[] = [
  { plan: '227/KH-UBND', ref: 'II.1.c.(3)', at: '2025-09-30T16:00:00+07:00', progress: 70, body: 'Quý III/2025: vùng phủ sóng 4G đạt 100% khu dân cư; 2.704 trạm BTS 4G, 159 trạm phát sóng 5G được đưa vào khai thác. Đã ban hành Kế hoạch 240/KH-UBND ngày 15/9/2025 về hạ tầng 5G, IoT trong các khu, cụm công nghiệp (Báo cáo 01-BC/BCĐ, I.4.a).' },
  { plan: '227/KH-UBND', ref: 'II.1.c.(4)', at: '2024-12-20T15:00:00+07:00', progress: 65, body: 'Đã chuyển đổi IPv6 cho Trung tâm dữ liệu và Cổng thông tin điện tử thành phố; còn các hệ thống của quận, huyện chưa hoàn thành, đề nghị gia hạn sang năm 2025 (mẫu).' },
  { plan: '227/KH-UBND', ref: 'II.5.a', at: '2025-09-30T16:00:00+07:00', progress: 90, body: '44/45 đơn vị y tế đã công bố triển khai hồ sơ bệnh án điện tử (97,8%); 1.292.025 sổ sức khỏe điện tử được tích hợp (29,1% dân số thường trú) (Báo cáo 01-BC/BCĐ, I.6).' },
  { plan: '227/KH-UBND', ref: 'II.4.d', at: '2024-11-15T10:00:00+07:00', progress: 55, body: 'Đã tổ chức 12 lớp kỹ năng số cho người lao động tại các khu công nghiệp; chưa triển khai tại khu kinh tế (mẫu).' },
  { plan: '03-NQ/TU', ref: 'IV.1.4.2', at: '2025-09-30T16:00:00+07:00', progress: 80, body: '3.658.476/3.670.241 người tham gia BHXH, BHYT được xác thực với CSDL quốc gia về dân cư (99,68%); 303.833/366.701 người nộp thuế khớp đúng (82,86%) (Báo cáo 01-BC/BCĐ, I.6).' },
  { plan: '215/KH-UBND', ref: 'TX.16', at: '2025-10-01T09:00:00+07:00', progress: 55, body: 'Đã chuyển 888.078 chủ sử dụng đất sang Cục C06 đối soát; khớp 579.535 chủ sử dụng đất. Dữ liệu đất đai của tỉnh Hải Dương (cũ) chưa đồng bộ về hệ thống chung (Báo cáo 01-BC/BCĐ, I.6).' },
  { plan: '215/KH-UBND', ref: 'HT.15', at: '2025-10-06T14:30:00+07:00', progress: 80, body: 'Nhà cung cấp đang hoàn thiện kết nối với Cơ sở dữ liệu lý lịch tư pháp quốc gia; đề nghị gia hạn đến 31/10/2025 (mẫu).' },
  { plan: '215/KH-UBND', ref: 'HT.17', at: '2025-10-14T10:00:00+07:00', progress: 60, body: 'Đang chạy thử phần mềm tại 3 phòng nghiệp vụ; chậm so với kế hoạch do chờ cấu hình tích hợp SSO (mẫu).' },
  { plan: '35/KH-UBND', ref: 'II.2.a.(1)', at: '2025-10-15T16:30:00+07:00', progress: 75, by: 'ward', body: 'Tháng 9/2025: 93% văn bản đi của phường được ký số và phát hành trên môi trường mạng (trừ văn bản mật) (mẫu).' },
  { plan: '35/KH-UBND', ref: 'II.4.(3)', at: '2025-10-02T09:15:00+07:00', progress: 50, by: 'ward', body: 'Đã sao lưu dữ liệu của phường lên máy chủ thành phố; chưa có thiết bị lưu trữ ngoại tuyến, đã đề xuất kinh phí mua sắm (mẫu).' },
  { plan: '71/NQ-CP', ref: '3', at: '2025-10-07T08:00:00+07:00', progress: 20, body: 'Năm 2025 đầu tư cho khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số 407,28 tỷ đồng, bằng 0,57% tổng chi ngân sách địa phương (71.429 tỷ đồng), còn xa mục tiêu 3% (Báo cáo 01-BC/BCĐ, I.10).' },
  { plan: '71/NQ-CP', ref: '13', at: '2025-06-02T08:00:00+07:00', progress: 40, body: 'Ban Thường vụ Thành ủy ban hành Kế hoạch 478-KH/TU ngày 01/6/2025 triển khai Phong trào «Bình dân học vụ số» (Báo cáo 01-BC/BCĐ, I.2).' },
  { plan: '02-KH/BCĐTW', ref: '11', at: '2025-10-10T15:00:00+07:00', progress: 75, body: 'Đã kết nối 9/12 cơ sở dữ liệu quốc gia, chuyên ngành trọng yếu (mẫu).' },
  { plan: '447-KH/TU', ref: '4', at: '2025-10-16T09:00:00+07:00', progress: 90, body: 'Hệ thống đã vận hành chính thức tại các cơ quan đảng thành phố; đang khắc phục tình trạng chậm, nghẽn tại cấp xã. Dự kiến hoàn thành trong tháng 10/2025.' },
];

// ---------------------------------------------------------------------------------------------
// Loading.

/** Split `total` into integer parts proportional to `weights` whose sum is exactly `total` (largest remainder). */
export function splitExact(total: number, weights: number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const raw = weights.map((w) => (total * w) / sum);
  const parts = raw.map(Math.floor);
  let left = total - parts.reduce((a, b) => a + b, 0);
  const order = raw.map((r, i) => ({ i, frac: r - Math.floor(r) })).sort((a, b) => b.frac - a.frac || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    parts[i]!++;
    left--;
  }
  return parts;
}

const vnTime = (date: string, time = '08:00') => `${date}T${time}:00+07:00`;
const millions = (m: number | null) => (m === null ? null : `${m}000000`);

export interface DemoTasksResult {
  plans: number;
  tasks: number;
  cooperating: number;
  targetLinks: number;
  budgetLines: number;
  updates: number;
}

interface TaskRow {
  key: string;
  planId: number;
  ref: string;
  group: string | null;
  title: string;
  description: string | null;
  leadId: number;
  responsible: string | null;
  deliverable: string | null;
  authority: string;
  start: string;
  due: string | null;
  schedule: string | null;
  state: TaskState;
  reason: string | null;
  progress: number;
  completedOn: string | null;
  sort: number;
  createdBy: number | null;
  createdAt: string;
  updatedAt: string;
}

interface UpdateRow {
  key: string;
  kind: 'progress' | 'state';
  body: string;
  progress: number | null;
  from: string | null;
  to: string | null;
  author: number | null;
  at: string;
}

const ddmmyyyy = (d: string) => `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;

/** Plans tree, tasks, cooperating units, target links, budgets and timelines, set-based (after seedDemoIndicatorsAndValues). */
export async function seedDemoTasks(db: Db, log: (line: string) => void = () => {}): Promise<DemoTasksResult> {
  const r = await db.transaction().execute((tx) => load(tx));
  log(`Đã nạp cây ${r.plans} văn bản và ${r.tasks} nhiệm vụ (${r.cooperating} cơ quan phối hợp, ${r.targetLinks} liên kết chỉ tiêu, ${r.budgetLines} dòng kinh phí, ${r.updates} cập nhật tiến độ).`);
  return r;
}

async function load(tx: Tx): Promise<DemoTasksResult> {
  // Units by code (an open unit wins over a closed one with the same code) and the demo's people.
  const codes = new Set<string>();
  for (const p of DEMO_PLAN_TREE) if (p.create?.issuer) codes.add(p.create.issuer);
  for (const list of DEMO_TASK_PLANS) for (const t of list.tasks) [t.lead, ...(t.coop ?? [])].forEach((c) => codes.add(c));
  const unitRows = await tx.selectFrom('org_units').select(['id', 'code', 'closed_on']).where('code', 'in', [...codes]).execute();
  const units = new Map<string, number>();
  for (const u of unitRows.sort((a, b) => Number(a.closed_on !== null) - Number(b.closed_on !== null))) if (!units.has(u.code)) units.set(u.code, u.id);
  const unitId = (code: string) => {
    const id = units.get(code);
    if (id === undefined) throw new Error(`Dữ liệu mẫu nhiệm vụ: không có đơn vị mã ${code}.`);
    return id;
  };
  const users = new Map((await tx.selectFrom('users').select(['id', 'username']).where('username', 'in', ['dieuphoi', 'baocao', 'quantri.duongkinh']).execute()).map((u) => [u.username, u.id]));
  const coordinator = users.get('dieuphoi') ?? null;
  const wardAdmin = users.get('quantri.duongkinh') ?? null;
  const wardReporter = users.get('baocao') ?? null;

  // Plans: the central documents are new; every plan of the tree gets its parent, horizon and summary.
  const created = DEMO_PLAN_TREE.filter((p) => p.create);
  await tx
    .insertInto('plans')
    .values(created.map((p) => ({ kind: p.create!.kind, number: p.number, issuer_unit_id: p.create!.issuer ? unitId(p.create!.issuer) : null, issued_on: p.create!.issuedOn, title: p.create!.title, horizon_year: p.create!.horizonYear, created_by: coordinator })))
    .execute();
  const planIds = new Map((await tx.selectFrom('plans').select(['id', 'number']).where('number', 'in', DEMO_PLAN_TREE.map((p) => p.number)).execute()).map((p) => [p.number, p.id]));
  const planId = (number: string) => {
    const id = planIds.get(number);
    if (id === undefined) throw new Error(`Dữ liệu mẫu nhiệm vụ: không có văn bản ${number}.`);
    return id;
  };
  const tree = DEMO_PLAN_TREE.map((p) => ({ id: planId(p.number), parent: p.parent === null ? null : planId(p.parent), from: p.horizonFrom, summary: p.summary }));
  await sql`
    UPDATE plans p SET parent_plan_id = u.parent, horizon_from = u.horizon_from, summary = u.summary, updated_at = now()
      FROM unnest(${tree.map((t) => t.id)}::bigint[], ${tree.map((t) => t.parent)}::bigint[], ${tree.map((t) => t.from)}::int[], ${tree.map((t) => t.summary)}::text[])
           AS u(id, parent, horizon_from, summary)
     WHERE p.id = u.id`.execute(tx);

  // Tasks and their timelines, checked before anything is written.
  const tasks: TaskRow[] = [];
  const updates: UpdateRow[] = [];
  const coop: { key: string; unit: number }[] = [];
  const links: { key: string; target: DemoTargetRef }[] = [];
  const budget: { key: string; source: BudgetSource; year: number | null; requested: string | null; approved: string | null; allocated: string | null; disbursed: string | null; note: string }[] = [];
  const sortOrder = new Map<string, number>();
  const explicit = new Map<string, DemoTaskUpdate[]>();
  for (const u of DEMO_TASK_UPDATES) explicit.set(`${u.plan}|${u.ref}`, [...(explicit.get(`${u.plan}|${u.ref}`) ?? []), u]);
  const used = new Set<string>();

  for (const list of DEMO_TASK_PLANS) {
    const ward = list.plan === '35/KH-UBND';
    const author = ward ? wardAdmin : coordinator;
    const shares = list.group ? budgetShares(list) : undefined;
    list.tasks.forEach((t, index) => {
      const key = `${list.plan}|${t.ref}`;
      if (used.has(key)) throw new Error(`Dữ liệu mẫu nhiệm vụ: trùng số hiệu ${key}.`);
      used.add(key);
      const s = t.status;
      const start = t.start ?? list.start;
      const completedOn = s.state === 'completed' ? s.completedOn : null;
      const problems = [
        s.due !== null && s.due < start && 'hạn trước ngày bắt đầu',
        completedOn !== null && (completedOn < start || completedOn > DEMO_TODAY) && 'ngày hoàn thành ngoài khoảng',
        (s.state === 'paused' || s.state === 'cancelled') && (s.at < start || s.at > DEMO_TODAY) && 'ngày dừng ngoài khoảng',
      ].filter(Boolean);
      if (problems.length) throw new Error(`Dữ liệu mẫu nhiệm vụ ${key}: ${problems.join(', ')}.`);

      const description = [
        list.plan === '227/KH-UBND' && `Giao tại mục ${t.basis} phần IV của Kế hoạch — ${must(KH227_ASSIGNMENTS, t.basis, key)}`,
        list.plan === '03-NQ/TU' && `Phần V, mục ${t.basis} của Nghị quyết — ${must(NQ03_ASSIGNMENTS, t.basis, key)}`,
        list.group && `Nhóm «${list.group.name}» của KH 215/KH-UBND — Báo cáo 01-BC/BCĐ, I.10: ${list.group.quote}`,
        list.note,
      ].filter((x): x is string => typeof x === 'string');

      // The timeline: started, the progress reports of DEMO_TASK_UPDATES, then completed / paused / cancelled.
      const rows: UpdateRow[] = [];
      const stamp = (date: string, time: string) => vnTime(date, time);
      let startedOn = addDays(start, 14);
      if (completedOn !== null && startedOn > completedOn) startedOn = start;
      if (startedOn > DEMO_TODAY) startedOn = start;
      if (s.state === 'cancelled') {
        rows.push({ key, kind: 'state', body: s.reason, progress: null, from: 'not_started', to: 'cancelled', author, at: stamp(s.at, '09:00') });
      } else if (s.state !== 'not_started') {
        rows.push({ key, kind: 'state', body: 'Bắt đầu triển khai (mẫu).', progress: null, from: 'not_started', to: 'in_progress', author, at: stamp(startedOn, '08:30') });
      }
      for (const u of explicit.get(key) ?? []) {
        const last = completedOn ?? (s.state === 'paused' ? s.at : DEMO_TODAY);
        if (s.state === 'not_started' || s.state === 'cancelled' || u.at.slice(0, 10) < startedOn || u.at.slice(0, 10) > last || u.progress > (s.state === 'completed' ? 100 : s.progress))
          throw new Error(`Dữ liệu mẫu nhiệm vụ ${key}: báo cáo tiến độ ngày ${u.at} không khớp tình trạng.`);
        rows.push({ key, kind: 'progress', body: u.body, progress: u.progress, from: null, to: null, author: u.by === 'ward' ? wardReporter : coordinator, at: u.at });
      }
      if (s.state === 'completed') {
        const late = s.due !== null && s.completedOn > s.due;
        rows.push({ key, kind: 'state', body: late ? `Hoàn thành, chậm so với hạn ${ddmmyyyy(s.due!)} (mẫu).` : 'Hoàn thành (mẫu).', progress: 100, from: 'in_progress', to: 'completed', author, at: stamp(s.completedOn, '16:00') });
      } else if (s.state === 'paused') {
        rows.push({ key, kind: 'state', body: s.reason, progress: null, from: 'in_progress', to: 'paused', author, at: stamp(s.at, '09:00') });
      }
      updates.push(...rows);

      const sort = (sortOrder.get(list.plan) ?? 0) + 1;
      sortOrder.set(list.plan, sort);
      const createdAt = stamp(start, '08:00');
      tasks.push({
        key,
        planId: planId(list.plan),
        ref: t.ref,
        group: list.group?.name ?? null,
        title: t.title,
        description: description.length ? description.join('\n\n') : null,
        leadId: unitId(t.lead),
        responsible: t.responsible ?? null,
        deliverable: t.deliverable ?? null,
        authority: list.approvingAuthority,
        start,
        due: s.due,
        schedule: s.state === 'in_progress' && s.schedule ? s.schedule : null,
        state: s.state,
        reason: s.state === 'paused' || s.state === 'cancelled' ? s.reason : null,
        progress: s.state === 'completed' ? 100 : s.progress,
        completedOn,
        sort,
        createdBy: author,
        createdAt,
        updatedAt: rows.reduce((max, r) => (Date.parse(r.at) > Date.parse(max) ? r.at : max), createdAt),
      });
      for (const c of t.coop ?? []) coop.push({ key, unit: unitId(c) });
      for (const target of t.targets ?? []) links.push({ key, target });

      if (list.group && shares) {
        const g = list.group;
        const source = t.source ?? g.source;
        const alloc = shares.allocated2025[index]!;
        // Disbursed (mẫu): all of it for a completed task, in step with progress otherwise.
        const disbursed = s.state === 'completed' ? alloc : Math.floor((alloc * 0.8 * s.progress) / 100);
        budget.push({ key, source, year: null, requested: millions(shares.requested[index]!), approved: millions(shares.approved?.[index] ?? null), allocated: null, disbursed: null, note: 'Nhu cầu kinh phí và dự toán được duyệt của nhiệm vụ: phân bổ mẫu (demo) từ tổng của nhóm trong Báo cáo 01-BC/BCĐ, I.10.' });
        budget.push({ key, source, year: 2025, requested: millions(shares.requested2025[index]!), approved: null, allocated: millions(alloc), disbursed: millions(disbursed), note: 'Nhu cầu và kinh phí đã phân bổ năm 2025: phân bổ mẫu (demo) từ tổng của nhóm; số đã giải ngân là mẫu.' });
      }
    });
  }
  for (const k of explicit.keys()) if (!used.has(k)) throw new Error(`Dữ liệu mẫu nhiệm vụ: không có nhiệm vụ ${k} cho báo cáo tiến độ.`);

  const col = <T>(f: (r: TaskRow) => T) => tasks.map(f);
  const inserted = await sql<{ id: number; plan_id: number; ref: string }>`
    INSERT INTO tasks (plan_id, ref, group_name, title, description, lead_unit_id, responsible_name, deliverable, approving_authority,
                       start_date, due_date, schedule_note, state, state_reason, progress, completed_on, sort_order, created_by, created_at, updated_at)
    SELECT * FROM unnest(
      ${col((r) => r.planId)}::bigint[], ${col((r) => r.ref)}::text[], ${col((r) => r.group)}::text[], ${col((r) => r.title)}::text[],
      ${col((r) => r.description)}::text[], ${col((r) => r.leadId)}::bigint[], ${col((r) => r.responsible)}::text[], ${col((r) => r.deliverable)}::text[],
      ${col((r) => r.authority)}::text[], ${col((r) => r.start)}::date[], ${col((r) => r.due)}::date[], ${col((r) => r.schedule)}::text[],
      ${col((r) => r.state)}::text[], ${col((r) => r.reason)}::text[], ${col((r) => r.progress)}::int[], ${col((r) => r.completedOn)}::date[],
      ${col((r) => r.sort)}::int[], ${col((r) => r.createdBy)}::bigint[], ${col((r) => r.createdAt)}::timestamptz[], ${col((r) => r.updatedAt)}::timestamptz[])
    RETURNING id, plan_id, ref`.execute(tx);
  const byPlan = new Map(DEMO_TASK_PLANS.map((l) => [planId(l.plan), l.plan]));
  const taskIds = new Map(inserted.rows.map((r) => [`${byPlan.get(Number(r.plan_id))}|${r.ref}`, Number(r.id)]));
  const taskId = (key: string) => taskIds.get(key)!;

  await sql`
    INSERT INTO task_cooperating_units (task_id, org_unit_id)
    SELECT * FROM unnest(${coop.map((c) => taskId(c.key))}::bigint[], ${coop.map((c) => c.unit)}::bigint[])`.execute(tx);

  const linked = await sql`
    INSERT INTO task_targets (task_id, target_id)
    SELECT u.task_id, t.id
      FROM unnest(${links.map((l) => taskId(l.key))}::bigint[], ${links.map((l) => l.target.plan)}::text[], ${links.map((l) => l.target.indicator)}::text[],
                  ${links.map((l) => l.target.year)}::int[], ${links.map((l) => l.target.level ?? null)}::text[]) AS u(task_id, plan, indicator, year, level)
      JOIN plans p ON p.number = u.plan
      JOIN indicators i ON i.code = u.indicator
      JOIN targets t ON t.plan_id = p.id AND t.indicator_id = i.id AND t.year = u.year AND t.level IS NOT DISTINCT FROM u.level`.execute(tx);
  if (Number(linked.numAffectedRows ?? 0) !== links.length) throw new Error(`Dữ liệu mẫu nhiệm vụ: ${linked.numAffectedRows} liên kết chỉ tiêu, cần ${links.length}.`);

  const bcol = <T>(f: (b: (typeof budget)[number]) => T) => budget.map(f);
  await sql`
    INSERT INTO budget_lines (task_id, source, year, requested, approved, allocated, disbursed, note)
    SELECT * FROM unnest(${bcol((b) => taskId(b.key))}::bigint[], ${bcol((b) => b.source)}::text[], ${bcol((b) => b.year)}::int[], ${bcol((b) => b.requested)}::numeric[],
                         ${bcol((b) => b.approved)}::numeric[], ${bcol((b) => b.allocated)}::numeric[], ${bcol((b) => b.disbursed)}::numeric[], ${bcol((b) => b.note)}::text[])`.execute(tx);

  // Timelines in time order, so identities read in sequence.
  updates.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  const ucol = <T>(f: (u: UpdateRow) => T) => updates.map(f);
  await sql`
    INSERT INTO task_updates (task_id, kind, body, progress, state_from, state_to, detail, author_id, created_at)
    SELECT u.task_id, u.kind, u.body, u.progress, u.state_from, u.state_to, '{"source":"demo"}'::jsonb, u.author_id, u.created_at
      FROM unnest(${ucol((u) => taskId(u.key))}::bigint[], ${ucol((u) => u.kind)}::text[], ${ucol((u) => u.body)}::text[], ${ucol((u) => u.progress)}::int[],
                  ${ucol((u) => u.from)}::text[], ${ucol((u) => u.to)}::text[], ${ucol((u) => u.author)}::bigint[], ${ucol((u) => u.at)}::timestamptz[])
           WITH ORDINALITY AS u(task_id, kind, body, progress, state_from, state_to, author_id, created_at, n)
     ORDER BY u.n`.execute(tx);

  return { plans: DEMO_PLAN_TREE.length, tasks: tasks.length, cooperating: coop.length, targetLinks: links.length, budgetLines: budget.length, updates: updates.length };
}

function must(map: Record<string, string>, key: string | undefined, task: string): string {
  const text = key === undefined ? undefined : map[key];
  if (text === undefined) throw new Error(`Dữ liệu mẫu nhiệm vụ ${task}: thiếu căn cứ giao nhiệm vụ.`);
  return text;
}

/** A group's four sums split over its tasks by weight, in triệu đồng. */
function budgetShares(list: DemoTaskPlan) {
  const g = list.group!;
  const w = list.tasks.map((t) => t.w ?? 1);
  return {
    requested: splitExact(g.requested, w),
    approved: g.approved === null ? null : splitExact(g.approved, w),
    requested2025: splitExact(g.requested2025, w),
    allocated2025: splitExact(g.allocated2025, w),
  };
}
