/**
 * The demo's indicator catalogue, plans and targets, taken from the seed documents in
 * `../shared/seeds/`: 000 (Nghị quyết 03-NQ/TU, OCR without diacritics), 002 (Kế hoạch 227/KH-UBND),
 * 003 (Kế hoạch 35/KH-UBND of phường Dương Kinh, whose table pairs the city's targets with the
 * ward's) and 004 (Báo cáo 01-BC/BCĐ, Q3/2025). Every constant says where it comes from; OCR
 * quotes are given as printed, the wording we store is the corrected Vietnamese.
 *
 * The indicators and targets are real (is_demo stays false); only the values of demoValues.ts are
 * made up. Reading rules (as in ../shared/gold): a bare number or "tối thiểu" is ≥, "trên" is >;
 * a sentence that splits by level ("cấp thành phố … cấp huyện … cấp xã") gives level targets.
 * "Cấp thành phố" there means the city's own agencies (sở, ban, ngành), so it is the level
 * `department` under the city, not the city's total, which also counts every commune.
 */
import { checkIndicatorDefinition, type Direction, type IndicatorPeriodType, type IndicatorSpaceAggregation, type IndicatorTimeAggregation, type IndicatorUnit, type Pillar } from '../../domain/indicators.ts';
import type { PlanKind } from '../../domain/plans.ts';
import type { Comparator, TargetLevel } from '../../domain/targets.ts';
import { fieldsOfNew } from '../commands/indicators.ts';
import type { Tx } from '../db/database.ts';
import { insertIndicator } from '../store/indicators.ts';
import { insertPlan } from '../store/plans.ts';
import { insertTarget } from '../store/targets.ts';

export interface DemoIndicator {
  code: string;
  name: string;
  description: string;
  unit: IndicatorUnit;
  pillar: Pillar;
  direction: Direction;
  spaceAggregation: IndicatorSpaceAggregation;
  timeAggregation: IndicatorTimeAggregation;
  periodType: IndicatorPeriodType;
  decimals: number;
}

/** Codes: pillar prefix (CQS chính quyền số, DL dữ liệu, XHS xã hội số, HTS hạ tầng số, KTS kinh tế số, NLS nhân lực số, ATTT, TCS tài chính) and a short name. */
export const IND = {
  DVCTT_TOAN_TRINH: 'CQS.DVCTT_TOAN_TRINH',
  HS_TRUC_TUYEN: 'CQS.HS_TRUC_TUYEN',
  HSCV_MANG: 'CQS.HSCV_MOI_TRUONG_MANG',
  SO_HOA_KQ: 'CQS.SO_HOA_KQ_TTHC',
  HAI_LONG: 'CQS.HAI_LONG_TTHC',
  VB_KY_SO: 'CQS.VB_KY_SO',
  BAO_CAO: 'CQS.BAO_CAO_HTTT',
  KIEM_TRA_SO: 'CQS.KIEM_TRA_SO',
  BHXH_XAC_THUC: 'DL.BHXH_XAC_THUC',
  THUE_KHOP: 'DL.THUE_KHOP_DAN_CU',
  TK_THANH_TOAN: 'XHS.TK_THANH_TOAN',
  DANH_TINH_SO: 'XHS.DANH_TINH_SO',
  SO_SUC_KHOE: 'XHS.SO_SUC_KHOE_DT',
  BENH_AN_DT: 'XHS.BENH_AN_DT',
  CAP_QUANG: 'HTS.CAP_QUANG_HGD',
  TRAM_5G: 'HTS.TRAM_5G',
  KTS_GRDP: 'KTS.TY_TRONG_GRDP',
  DN_CNS: 'KTS.DN_CONG_NGHE_SO',
  CBCC_KY_NANG: 'NLS.CBCC_KY_NANG_SO',
  HTTT_CAP_DO: 'ATTT.HTTT_CAP_DO',
  CHI_KHCN_CDS: 'TCS.CHI_KHCN_CDS',
} as const;

const pct = { unit: '%', direction: 'higher', spaceAggregation: 'ratio', decimals: 2 } as const;
/** Shares of monthly counts (files handled online out of files received): the months' parts add up. */
const monthlyFlow = { ...pct, timeAggregation: 'sum', periodType: 'month' } as const;
const monthlyStock = { ...pct, timeAggregation: 'latest', periodType: 'month' } as const;
const monthlyCount = { unit: 'count', direction: 'higher', spaceAggregation: 'sum', timeAggregation: 'latest', periodType: 'month', decimals: 0 } as const;

export const DEMO_INDICATORS: DemoIndicator[] = [
  // 000 III.2.1.(1): "100% thit tuc hanh chinh du diéu kién ... dugc cung cép dudi hinh thirc dich vu cong
  // truc tuyén mirc d6 4"; 003 table row 1: "100% thii tuc hanh chinh du diéu kién dugc cung cap dudi dang
  // dich vu cong truc tuyén toan trinh"; 004 footnote 15: "tich hop 750 TTHC du didu kién cung cép dich vu
  // cong truc tuyén toan trinh". "Mức độ 4" was renamed "toàn trình" by Nghị định 42/2022/NĐ-CP.
  {
    code: IND.DVCTT_TOAN_TRINH,
    name: 'Tỷ lệ thủ tục hành chính đủ điều kiện được cung cấp dưới hình thức dịch vụ công trực tuyến toàn trình',
    description: 'Số TTHC được cung cấp dịch vụ công trực tuyến toàn trình / số TTHC đủ điều kiện. «Mức độ 4» (NQ 03-NQ/TU) nay gọi là «toàn trình» (Nghị định 42/2022/NĐ-CP).',
    pillar: 'chinh_quyen_so',
    ...monthlyStock,
  },
  // 003 table row 2: "Toi thiéu 80% ho so tha tuc hanh chinh duogc xtr ly truc tuyen toan trinh";
  // 004 III.2.b: "phén d4u dat muc tiéu tdi thiéu 80% hd so tha tuc hanh chinh duoc xtr Iy hoan toan truc tuyén".
  {
    code: IND.HS_TRUC_TUYEN,
    name: 'Tỷ lệ hồ sơ thủ tục hành chính được xử lý trực tuyến toàn trình',
    description: 'Số hồ sơ TTHC được xử lý trực tuyến toàn trình / tổng số hồ sơ TTHC tiếp nhận trong kỳ.',
    pillar: 'chinh_quyen_so',
    ...monthlyFlow,
  },
  // 000 III.2.1.(3): "90% hd so cong viée tai cac co quan thanh phd; 80% hd so cong viée tai cap huyén va 60%
  // hd so cong viéce tai cp xa duge xir Iy trén méi trudng mang"; 002 I.1.a (same at "cấp thành phố");
  // 003 table row 3: "Ty 1& ho so cong viée dugc xir ly trén moi truong mang dat: 90% & cap thanh phd, 75% & phuong".
  {
    code: IND.HSCV_MANG,
    name: 'Tỷ lệ hồ sơ công việc được xử lý trên môi trường mạng',
    description: 'Số hồ sơ công việc được xử lý trên môi trường mạng / tổng số hồ sơ công việc (trừ hồ sơ thuộc phạm vi bí mật nhà nước).',
    pillar: 'chinh_quyen_so',
    ...monthlyFlow,
  },
  // 003 table row 5: "100% két qua giai quyét thu tuc hanh chinh dugc s6 hoa theo quy dinh".
  {
    code: IND.SO_HOA_KQ,
    name: 'Tỷ lệ kết quả giải quyết thủ tục hành chính được số hóa',
    description: 'Số kết quả giải quyết TTHC được số hóa theo quy định / tổng số kết quả giải quyết TTHC trong kỳ.',
    pillar: 'chinh_quyen_so',
    ...monthlyFlow,
  },
  // 003 table row 5: "Ty 1€ muc d6 hai long cua nguoi dan, doanh nghiép trong giai quyét tha tuc hanh chinh dat trén 90%".
  {
    code: IND.HAI_LONG,
    name: 'Tỷ lệ hài lòng của người dân, doanh nghiệp trong giải quyết thủ tục hành chính',
    description: 'Số lượt đánh giá hài lòng / tổng số lượt đánh giá việc giải quyết TTHC trong kỳ.',
    pillar: 'chinh_quyen_so',
    ...monthlyFlow,
  },
  // 003 II.2.a: "dam bao trén 90% vin ban duoc Ky s6 va xtr 1y trén moi truong mang (trir vin ban mat)";
  // 004 I.4.b: "Trén 90% vin ban dugc ky $0, phat hanh trén moi trudong mang".
  {
    code: IND.VB_KY_SO,
    name: 'Tỷ lệ văn bản được ký số và xử lý trên môi trường mạng',
    description: 'Số văn bản đi được ký số, phát hành trên môi trường mạng / tổng số văn bản đi (trừ văn bản mật).',
    pillar: 'chinh_quyen_so',
    ...monthlyFlow,
  },
  // 002 I.1.a: "100% báo cáo định kỳ, báo cáo thống kê về kinh tế - xã hội ... được thực hiện qua Hệ thống
  // thông tin báo cáo của thành phố"; 000 III.2.1.(5): "100% codng tac bdo cdo duge thuc hién trén hé théng
  // théng tin bdo céo qudc gia"; 003 table row 4.
  {
    code: IND.BAO_CAO,
    name: 'Tỷ lệ báo cáo định kỳ được thực hiện trên Hệ thống thông tin báo cáo',
    description: 'Số báo cáo định kỳ gửi qua Hệ thống thông tin báo cáo của thành phố (kết nối Hệ thống thông tin báo cáo Chính phủ) / số báo cáo định kỳ phải gửi trong kỳ.',
    pillar: 'chinh_quyen_so',
    ...monthlyFlow,
  },
  // 002 I.1.a: "50% hoạt động kiểm tra của cơ quan quản lý nhà nước được thực hiện thông qua môi trường số và
  // hệ thống thông tin của cơ quan quản lý"; 000 III.2.1.(6): "Tbi thiéu 50% hoat dong gidm sat, kiém tra ...".
  {
    code: IND.KIEM_TRA_SO,
    name: 'Tỷ lệ hoạt động kiểm tra của cơ quan quản lý nhà nước được thực hiện thông qua môi trường số',
    description: 'Số cuộc kiểm tra, giám sát thực hiện thông qua môi trường số và hệ thống thông tin của cơ quan quản lý / tổng số cuộc kiểm tra, giám sát trong kỳ.',
    pillar: 'chinh_quyen_so',
    ...monthlyFlow,
  },
  // 004 I.6: "toan thanh phd da co 3.658.476/3.670.241 ngudi tham gia BHXH, BHYT duoc xac thuc véi CSDL qudc
  // gia vé dan cu (dat ty 18 99,68% tong s6 ngudi tham gia)".
  {
    code: IND.BHXH_XAC_THUC,
    name: 'Tỷ lệ người tham gia BHXH, BHYT được xác thực với Cơ sở dữ liệu quốc gia về dân cư',
    description: 'Số người tham gia BHXH, BHYT đã được xác thực với CSDL quốc gia về dân cư / tổng số người tham gia (không gồm lực lượng vũ trang và thân nhân quân đội), tại thời điểm báo cáo.',
    pillar: 'chinh_quyen_so',
    ...monthlyStock,
  },
  // 004 I.6: "s6 ngudi ndp thué da khép ding voi CSDL quéc gia vé dan cu 1a 303.833/366.701 dat 82,86%".
  {
    code: IND.THUE_KHOP,
    name: 'Tỷ lệ người nộp thuế khớp đúng với Cơ sở dữ liệu quốc gia về dân cư',
    description: 'Số người nộp thuế có thông tin khớp đúng với CSDL quốc gia về dân cư / số người nộp thuế đã rà soát.',
    pillar: 'chinh_quyen_so',
    ...monthlyStock,
  },
  // 000 III.2.3.(3): "ty 1€ dén sb ¢6 tai khoan thanh toan dién tir trén 50%"; 002 I.1.c: "Tỷ lệ dân số có tài
  // khoản thanh toán điện tử trên 50%".
  {
    code: IND.TK_THANH_TOAN,
    name: 'Tỷ lệ dân số có tài khoản thanh toán điện tử',
    description: 'Số người có tài khoản thanh toán điện tử / dân số, tại thời điểm báo cáo.',
    pillar: 'xa_hoi_so',
    ...monthlyStock,
  },
  // 000 III.2.3.(3): "cung cép danh tinh s trén nén tang di dong cho tbi thidu 40% ngudi dan séng va lam viec
  // trén dia ban thanh phd Hai Phong".
  {
    code: IND.DANH_TINH_SO,
    name: 'Tỷ lệ người dân được cung cấp danh tính số trên nền tảng di động',
    description: 'Số người dân sống, làm việc trên địa bàn có danh tính số trên nền tảng di động (tài khoản định danh điện tử VNeID đã kích hoạt) / dân số.',
    pillar: 'xa_hoi_so',
    ...monthlyStock,
  },
  // 004 I.6: "da tich hop 1.292.025 s6 strc khoe dién tr (dat ty 16 29,1% tong dan s6 thuong tra)".
  {
    code: IND.SO_SUC_KHOE,
    name: 'Tỷ lệ dân số có sổ sức khỏe điện tử',
    description: 'Số sổ sức khỏe điện tử đã tích hợp / tổng dân số thường trú.',
    pillar: 'xa_hoi_so',
    ...monthlyStock,
  },
  // 004 I.6: "c6 44/45 don vi di cong bd trién khai Ho so Bénh 4n dién tir, dat 97,8%".
  {
    code: IND.BENH_AN_DT,
    name: 'Tỷ lệ đơn vị y tế triển khai hồ sơ bệnh án điện tử',
    description: 'Số đơn vị y tế đã công bố triển khai hồ sơ bệnh án điện tử / số đơn vị y tế phải triển khai.',
    pillar: 'xa_hoi_so',
    ...monthlyStock,
  },
  // 000 III.2.3.(1): "Ha ting mang bang thong rong cap quang pht 90% ho gia dinh, 100% x4, phuong, thi tran".
  {
    code: IND.CAP_QUANG,
    name: 'Tỷ lệ hộ gia đình được phủ hạ tầng mạng băng thông rộng cáp quang',
    description: 'Số hộ gia đình có khả năng kết nối băng thông rộng cáp quang / tổng số hộ gia đình, tại thời điểm báo cáo.',
    pillar: 'ha_tang_so',
    ...monthlyStock,
  },
  // 004 I.4.a: "Thanh ph c6 2.704 tram thu phat song thong tin di dong mat dat (BTS) cong nghé 4G, 159 tram
  // phat song 5G dugc dua vao khai thac".
  {
    code: IND.TRAM_5G,
    name: 'Số trạm phát sóng 5G được đưa vào khai thác',
    description: 'Số trạm thu phát sóng thông tin di động 5G đang khai thác trên địa bàn, tại thời điểm báo cáo.',
    pillar: 'ha_tang_so',
    ...monthlyCount,
  },
  // 000 III.2.2.(1): "Phin d4u kinh té sb chiém 25% GRDP thanh phd"; 002 I.1.b: "Phấn đấu Kinh tế số chiếm 20% GRDP".
  {
    code: IND.KTS_GRDP,
    name: 'Tỷ trọng kinh tế số trong GRDP thành phố',
    description: 'Giá trị tăng thêm của kinh tế số / tổng sản phẩm trên địa bàn (GRDP), theo năm.',
    pillar: 'kinh_te_so',
    ...pct,
    timeAggregation: 'latest',
    periodType: 'year',
  },
  // 004 footnote 16: "s6 lugng doanh nghiép cong ngh¢ s0 dat 871 doanh nghiép".
  {
    code: IND.DN_CNS,
    name: 'Số doanh nghiệp công nghệ số',
    description: 'Số doanh nghiệp công nghệ số đang hoạt động trên địa bàn, tại thời điểm báo cáo.',
    pillar: 'kinh_te_so',
    ...monthlyCount,
  },
  // 003 table row 6: "Toi thiéu 50% can bg, céng chirc, vién chuc duogc tap huan, bdi dudng ki ning sb".
  {
    code: IND.CBCC_KY_NANG,
    name: 'Tỷ lệ cán bộ, công chức, viên chức được tập huấn, bồi dưỡng kỹ năng số',
    description: 'Số cán bộ, công chức, viên chức đã được tập huấn, bồi dưỡng kỹ năng số trong năm / tổng số cán bộ, công chức, viên chức, tại thời điểm báo cáo.',
    pillar: 'nhan_luc_so',
    ...monthlyStock,
  },
  // 003 table row 7: "100% hé thong thdng tin cia phuong tir cap 46 3 tro 1én duoc trién khai day du phuong
  // an bao dam an toan thong tin theo cap do".
  {
    code: IND.HTTT_CAP_DO,
    name: 'Tỷ lệ hệ thống thông tin được triển khai đầy đủ phương án bảo đảm an toàn thông tin theo cấp độ',
    description: 'Số hệ thống thông tin đã được phê duyệt cấp độ và triển khai đầy đủ phương án bảo đảm an toàn thông tin theo cấp độ / tổng số hệ thống thông tin đang vận hành.',
    pillar: 'an_toan_thong_tin',
    ...monthlyStock,
  },
  // 004 I.10: "Ty 16 chi cho phat trién khoa hoc, cong nghé, d6i méi sang tao va chuyén doi s6 so véi tong chi
  // ngan sach dia phuong chiém 0,57% (407,28 ty dong/71.429 ty d6ng)".
  {
    code: IND.CHI_KHCN_CDS,
    name: 'Tỷ lệ chi ngân sách cho khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số trên tổng chi ngân sách địa phương',
    description: 'Chi ngân sách cho khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số (tỷ đồng) / tổng chi ngân sách địa phương (tỷ đồng), theo năm.',
    pillar: 'the_che_so',
    ...pct,
    timeAggregation: 'latest',
    periodType: 'year',
  },
];

export interface DemoPlan {
  key: string;
  kind: PlanKind;
  number: string;
  /** Code of the issuing org unit (see haiPhongAgencies.ts; '31' is the city and its People's Committee). */
  issuer: string;
  issuedOn: string;
  title: string;
  horizonYear: number | null;
}

/** Oldest first, so that a newer plan's target wins where two plans set the same one (analytics prefers the newest). */
export const DEMO_PLANS: DemoPlan[] = [
  // 002 header: "Số: 227/KH-UBND — Hải Phòng, ngày 21 tháng 9 năm 2020 — KẾ HOẠCH Chuyển đổi số thành phố Hải
  // Phòng đến năm 2025, định hướng đến năm 2030", issued by Ủy ban nhân dân thành phố.
  { key: 'KH227', kind: 'KH', number: '227/KH-UBND', issuer: '31', issuedOn: '2020-09-21', title: 'Kế hoạch chuyển đổi số thành phố Hải Phòng đến năm 2025, định hướng đến năm 2030', horizonYear: 2030 },
  // 000 header: "S6 03-NQ/TU Hdi Phong, ngay 26 thang 10 nim 2021 — NGHI QUYET CUA BAN THUONG VU THANH UY vé
  // Chuyén dbi s6 thanh phd Hai Phong dén niam 2025, dinh hwéng dén nim 2030".
  { key: 'NQ03', kind: 'NQ', number: '03-NQ/TU', issuer: '31-TU', issuedOn: '2021-10-26', title: 'Nghị quyết của Ban Thường vụ Thành ủy về chuyển đổi số thành phố Hải Phòng đến năm 2025, định hướng đến năm 2030', horizonYear: 2030 },
  // 003: "Thuc hién Ké hoach s6 215/KH-UBND ngay 25/8/2025 ctia Uy ban nhan dan thanh phd Hai Phong vé mg dung
  // céng nghé thong tin va Chuyén dbi sd trong trong cac co quan nha nude Hai Phong 6 thang cudi ndm 2025";
  // 004 I.10 names it too. Its targets are the "thành phố" column of 003's table.
  { key: 'KH215', kind: 'KH', number: '215/KH-UBND', issuer: '31', issuedOn: '2025-08-25', title: 'Kế hoạch ứng dụng công nghệ thông tin và chuyển đổi số trong các cơ quan nhà nước thành phố Hải Phòng 6 tháng cuối năm 2025', horizonYear: 2025 },
  // 003 header: "UY BAN NHAN DAN PHUONG DUONG KINH — $6:35 /KH-UBND Duvong Kinh, ngay 28 thang 8 nam 2025 — KE
  // HOACH Ung dung cong nghé thong tin va Chuyén d6i s6 6 thang cudi nim 2025 trén dia ban phwong Duong Kinh".
  { key: 'KH35', kind: 'KH', number: '35/KH-UBND', issuer: '11692', issuedOn: '2025-08-28', title: 'Kế hoạch ứng dụng công nghệ thông tin và chuyển đổi số 6 tháng cuối năm 2025 trên địa bàn phường Dương Kinh', horizonYear: 2025 },
  // 004 header: "BAN CHI PAO PHAT TRIEN KHOA HQC, CONG NGHE, POI MOI SANG TAO VA CHUYEN POI SO — S601 -BC/BCD —
  // Hdi Phong, ngay 07 thang 10 nam 2025 — BAO CAO tinh hinh thye hién Nghi quyét s6 57-NQ/TW cua By Chinh tri
  // quy I11/2025 va nhiém vu trong tim cudi nadm 2025".
  { key: 'BC01', kind: 'BC', number: '01-BC/BCĐ', issuer: '31-BCDCDS', issuedOn: '2025-10-07', title: 'Báo cáo tình hình thực hiện Nghị quyết số 57-NQ/TW của Bộ Chính trị quý III/2025 và nhiệm vụ trọng tâm cuối năm 2025', horizonYear: 2025 },
];

export interface DemoTarget {
  /** For parent links; unique. */
  key: string;
  plan: DemoPlan['key'];
  indicator: string;
  /** Org unit code: the unit itself (scope 'unit') or the anchor of a level target. */
  unit: string;
  level?: TargetLevel;
  year: number;
  comparator: Comparator;
  value: number;
  parent?: string;
  /** Shown with the target: where it comes from, in corrected Vietnamese. */
  note: string;
}

const CITY = '31';
const DUONG_KINH = '11692';

/** "x% cấp thành phố; y% cấp huyện và z% cấp xã": the three level targets of one sentence. */
function byLevel(key: string, plan: DemoPlan['key'], year: number, [city, district, commune]: [number, number, number], note: string): DemoTarget[] {
  const t = (suffix: string, level: TargetLevel, value: number): DemoTarget => ({ key: `${key}.${suffix}`, plan, indicator: IND.HSCV_MANG, unit: CITY, level, year, comparator: '>=', value, note });
  return [t('tp', 'department', city), t('huyen', 'district', district), t('xa', 'commune', commune)];
}

export const DEMO_TARGETS: DemoTarget[] = [
  // ---- 227/KH-UBND (seed 002, gold 002), part I "MỤC TIÊU".
  // I.1.a: "90% hồ sơ công việc tại cấp thành phố; 80% hồ sơ công việc tại cấp huyện và 60% hồ sơ công việc tại
  // cấp xã được xử lý trên môi trường mạng (trừ hồ sơ công việc thuộc phạm vi bí mật nhà nước)".
  ...byLevel('KH227.HSCV.2025', 'KH227', 2025, [90, 80, 60], 'KH 227/KH-UBND, I.1.a: «90% hồ sơ công việc tại cấp thành phố; 80% hồ sơ công việc tại cấp huyện và 60% hồ sơ công việc tại cấp xã được xử lý trên môi trường mạng (trừ hồ sơ công việc thuộc phạm vi bí mật nhà nước)».'),
  // I.1.a: "100% báo cáo định kỳ, báo cáo thống kê về kinh tế - xã hội ... được thực hiện qua Hệ thống thông tin báo cáo của thành phố".
  { key: 'KH227.BC.2025', plan: 'KH227', indicator: IND.BAO_CAO, unit: CITY, year: 2025, comparator: '>=', value: 100, note: 'KH 227/KH-UBND, I.1.a: «100% báo cáo định kỳ, báo cáo thống kê về kinh tế - xã hội … được thực hiện qua Hệ thống thông tin báo cáo của thành phố».' },
  // I.1.a: "50% hoạt động kiểm tra của cơ quan quản lý nhà nước được thực hiện thông qua môi trường số ...".
  { key: 'KH227.KT.2025', plan: 'KH227', indicator: IND.KIEM_TRA_SO, unit: CITY, year: 2025, comparator: '>=', value: 50, note: 'KH 227/KH-UBND, I.1.a: «50% hoạt động kiểm tra của cơ quan quản lý nhà nước được thực hiện thông qua môi trường số và hệ thống thông tin của cơ quan quản lý».' },
  // I.1.b: "Phấn đấu Kinh tế số chiếm 20% GRDP".
  { key: 'KH227.GRDP.2025', plan: 'KH227', indicator: IND.KTS_GRDP, unit: CITY, year: 2025, comparator: '>=', value: 20, note: 'KH 227/KH-UBND, I.1.b: «Phấn đấu Kinh tế số chiếm 20% GRDP».' },
  // I.1.c: "Tỷ lệ dân số có tài khoản thanh toán điện tử trên 50%".
  { key: 'KH227.TK.2025', plan: 'KH227', indicator: IND.TK_THANH_TOAN, unit: CITY, year: 2025, comparator: '>', value: 50, note: 'KH 227/KH-UBND, I.1.c: «Tỷ lệ dân số có tài khoản thanh toán điện tử trên 50%».' },
  // I.2.a: "100% hồ sơ công việc tại cấp thành phố; 90% hồ sơ công việc tại cấp huyện và 70% hồ sơ công việc tại cấp xã ...".
  ...byLevel('KH227.HSCV.2030', 'KH227', 2030, [100, 90, 70], 'KH 227/KH-UBND, I.2.a: «100% hồ sơ công việc tại cấp thành phố; 90% hồ sơ công việc tại cấp huyện và 70% hồ sơ công việc tại cấp xã được xử lý trên môi trường mạng».'),
  // I.2.a: "70% hoạt động kiểm tra của cơ quan quản lý nhà nước được thực hiện thông qua môi trường số ...".
  { key: 'KH227.KT.2030', plan: 'KH227', indicator: IND.KIEM_TRA_SO, unit: CITY, year: 2030, comparator: '>=', value: 70, note: 'KH 227/KH-UBND, I.2.a: «70% hoạt động kiểm tra của cơ quan quản lý nhà nước được thực hiện thông qua môi trường số và hệ thống thông tin của cơ quan quản lý».' },
  // I.2.b: "Phấn đấu Kinh tế số chiếm 30% GRDP".
  { key: 'KH227.GRDP.2030', plan: 'KH227', indicator: IND.KTS_GRDP, unit: CITY, year: 2030, comparator: '>=', value: 30, note: 'KH 227/KH-UBND, I.2.b: «Phấn đấu Kinh tế số chiếm 30% GRDP».' },
  // I.2.c: "Tỷ lệ dân số có tài khoản thanh toán điện tử trên 80%".
  { key: 'KH227.TK.2030', plan: 'KH227', indicator: IND.TK_THANH_TOAN, unit: CITY, year: 2030, comparator: '>', value: 80, note: 'KH 227/KH-UBND, I.2.c: «Tỷ lệ dân số có tài khoản thanh toán điện tử trên 80%».' },

  // ---- 03-NQ/TU (seed 000 OCR, gold 000), part III "MỤC TIÊU, CHỈ TIÊU".
  // III.2.1.(1): "100% thit tuc hanh chinh du diéu kién theo quy dinh ciia phép luat dugc cung cép dudi hinh thirc dich vu cong truc tuyén mirc d6 4."
  { key: 'NQ03.DVC.2025', plan: 'NQ03', indicator: IND.DVCTT_TOAN_TRINH, unit: CITY, year: 2025, comparator: '>=', value: 100, note: 'NQ 03-NQ/TU, III.2.1.(1): «100% thủ tục hành chính đủ điều kiện theo quy định của pháp luật được cung cấp dưới hình thức dịch vụ công trực tuyến mức độ 4».' },
  // III.2.1.(3): "90% hd so cong viée tai cac co quan thanh phd; 80% hd so cong viée tai cap huyén va 60% hd so cong viéce tai cp xa duge xir Iy trén méi trudng mang".
  ...byLevel('NQ03.HSCV.2025', 'NQ03', 2025, [90, 80, 60], 'NQ 03-NQ/TU, III.2.1.(3): «90% hồ sơ công việc tại các cơ quan thành phố; 80% hồ sơ công việc tại cấp huyện và 60% hồ sơ công việc tại cấp xã được xử lý trên môi trường mạng (trừ hồ sơ công việc thuộc phạm vi bí mật nhà nước)».'),
  // III.2.1.(5): "100% codng tac bdo cdo duge thuc hién trén hé théng théng tin bdo céo qudc gia".
  { key: 'NQ03.BC.2025', plan: 'NQ03', indicator: IND.BAO_CAO, unit: CITY, year: 2025, comparator: '>=', value: 100, note: 'NQ 03-NQ/TU, III.2.1.(5): «100% công tác báo cáo được thực hiện trên hệ thống thông tin báo cáo quốc gia».' },
  // III.2.1.(6): "Tbi thiéu 50% hoat dong gidm sat, kiém tra cta co quan quan ly duoc thuc hién thong qua méi trudng sb".
  { key: 'NQ03.KT.2025', plan: 'NQ03', indicator: IND.KIEM_TRA_SO, unit: CITY, year: 2025, comparator: '>=', value: 50, note: 'NQ 03-NQ/TU, III.2.1.(6): «Tối thiểu 50% hoạt động giám sát, kiểm tra của cơ quan quản lý được thực hiện thông qua môi trường số và hệ thống thông tin của cơ quan quản lý».' },
  // III.2.2.(1): "Phin d4u kinh té sb chiém 25% GRDP thanh phd."
  { key: 'NQ03.GRDP.2025', plan: 'NQ03', indicator: IND.KTS_GRDP, unit: CITY, year: 2025, comparator: '>=', value: 25, note: 'NQ 03-NQ/TU, III.2.2.(1): «Phấn đấu kinh tế số chiếm 25% GRDP thành phố».' },
  // III.2.3.(1): "Ha ting mang bang thong rong cap quang pht 90% ho gia dinh, 100% x4, phuong, thi tran."
  { key: 'NQ03.CQ.2025', plan: 'NQ03', indicator: IND.CAP_QUANG, unit: CITY, year: 2025, comparator: '>=', value: 90, note: 'NQ 03-NQ/TU, III.2.3.(1): «Hạ tầng mạng băng thông rộng cáp quang phủ 90% hộ gia đình, 100% xã, phường, thị trấn».' },
  // III.2.3.(3): "ty 1€ dén sb ¢6 tai khoan thanh toan dién tir trén 50%".
  { key: 'NQ03.TK.2025', plan: 'NQ03', indicator: IND.TK_THANH_TOAN, unit: CITY, year: 2025, comparator: '>', value: 50, note: 'NQ 03-NQ/TU, III.2.3.(3): «tỷ lệ dân số có tài khoản thanh toán điện tử trên 50%».' },
  // III.2.3.(3): "cung cép danh tinh s trén nén tang di dong cho tbi thidu 40% ngudi dan séng va lam viec trén dia ban thanh phd".
  { key: 'NQ03.DT.2025', plan: 'NQ03', indicator: IND.DANH_TINH_SO, unit: CITY, year: 2025, comparator: '>=', value: 40, note: 'NQ 03-NQ/TU, III.2.3.(3): «cung cấp danh tính số trên nền tảng di động cho tối thiểu 40% người dân sống và làm việc trên địa bàn thành phố Hải Phòng».' },
  // III.3.1: "100% hd so cong viée tai cap thanh phé; 90% hé so cong viée tai cip huyén va 70% ho so cong viéc tai cap x3".
  ...byLevel('NQ03.HSCV.2030', 'NQ03', 2030, [100, 90, 70], 'NQ 03-NQ/TU, III.3.1: «100% hồ sơ công việc tại cấp thành phố; 90% hồ sơ công việc tại cấp huyện và 70% hồ sơ công việc tại cấp xã được xử lý trên môi trường mạng».'),
  // III.3.1: "70% hoat dong kiém tra cla co quan quan ly nha nudc duge thyc hién thong qua mdi truong sb".
  { key: 'NQ03.KT.2030', plan: 'NQ03', indicator: IND.KIEM_TRA_SO, unit: CITY, year: 2030, comparator: '>=', value: 70, note: 'NQ 03-NQ/TU, III.3.1: «70% hoạt động kiểm tra của cơ quan quản lý nhà nước được thực hiện thông qua môi trường số và hệ thống thông tin của cơ quan quản lý».' },
  // III.3.2: "Phén d4u kinh té s6 chiém 35% GRDP thanh ph."
  { key: 'NQ03.GRDP.2030', plan: 'NQ03', indicator: IND.KTS_GRDP, unit: CITY, year: 2030, comparator: '>=', value: 35, note: 'NQ 03-NQ/TU, III.3.2: «Phấn đấu kinh tế số chiếm 35% GRDP thành phố».' },
  // III.3.3: "Ha téng bang thong rong phu 100% hd gia dinh, 100% x4&, phuong, thi trén."
  { key: 'NQ03.CQ.2030', plan: 'NQ03', indicator: IND.CAP_QUANG, unit: CITY, year: 2030, comparator: '>=', value: 100, note: 'NQ 03-NQ/TU, III.3.3: «Hạ tầng băng thông rộng phủ 100% hộ gia đình, 100% xã, phường, thị trấn».' },
  // III.3.3: "Ty 18 dén sb ¢6 tai khoan thanh toén dién tir trén 80%."
  { key: 'NQ03.TK.2030', plan: 'NQ03', indicator: IND.TK_THANH_TOAN, unit: CITY, year: 2030, comparator: '>', value: 80, note: 'NQ 03-NQ/TU, III.3.3: «Tỷ lệ dân số có tài khoản thanh toán điện tử trên 80%».' },

  // ---- 215/KH-UBND: the "Mục tiêu cụ thể thành phố" column of seed 003's table (year 2025: the plan covers
  // the last six months of 2025).
  // Row 1: "100% thii tuc hanh chinh du diéu kién dugc cung cap dudi dang dich vu cong truc tuyén toan trinh".
  { key: 'KH215.DVC', plan: 'KH215', indicator: IND.DVCTT_TOAN_TRINH, unit: CITY, year: 2025, comparator: '>=', value: 100, note: 'KH 215/KH-UBND (bảng mục tiêu của KH 35/KH-UBND, dòng 1): «100% thủ tục hành chính đủ điều kiện được cung cấp dưới dạng dịch vụ công trực tuyến toàn trình».' },
  // Row 2: "Toi thiéu 80% ho so tha tuc hanh chinh duogc xtr ly truc tuyen toan trinh".
  { key: 'KH215.HSTT', plan: 'KH215', indicator: IND.HS_TRUC_TUYEN, unit: CITY, year: 2025, comparator: '>=', value: 80, note: 'KH 215/KH-UBND (bảng mục tiêu của KH 35/KH-UBND, dòng 2): «Tối thiểu 80% hồ sơ thủ tục hành chính được xử lý trực tuyến toàn trình».' },
  // Row 3: "Ty 1& ho so cong viée dugc xir ly trén moi truong mang dat: 90% & cap thanh phd, 75% & phuong".
  { key: 'KH215.HSCV.tp', plan: 'KH215', indicator: IND.HSCV_MANG, unit: CITY, level: 'department', year: 2025, comparator: '>=', value: 90, note: 'KH 215/KH-UBND (bảng mục tiêu của KH 35/KH-UBND, dòng 3): «Tỷ lệ hồ sơ công việc được xử lý trên môi trường mạng đạt: 90% ở cấp thành phố, 75% ở phường».' },
  { key: 'KH215.HSCV.xa', plan: 'KH215', indicator: IND.HSCV_MANG, unit: CITY, level: 'commune', year: 2025, comparator: '>=', value: 75, note: 'KH 215/KH-UBND (bảng mục tiêu của KH 35/KH-UBND, dòng 3): «Tỷ lệ hồ sơ công việc được xử lý trên môi trường mạng đạt: 90% ở cấp thành phố, 75% ở phường».' },
  // Row 4: "100% bao cao dinh ky vé chi tiéu kinh té - xa hoi dugc thyc hién trén hé théng thong tin bdo c&o cua thanh phd".
  { key: 'KH215.BC', plan: 'KH215', indicator: IND.BAO_CAO, unit: CITY, year: 2025, comparator: '>=', value: 100, note: 'KH 215/KH-UBND (bảng mục tiêu của KH 35/KH-UBND, dòng 4): «100% báo cáo định kỳ về chỉ tiêu kinh tế - xã hội được thực hiện trên hệ thống thông tin báo cáo của thành phố, kết nối với Hệ thống thông tin báo cáo Chính phủ».' },
  // Row 5: "100% két qua giai quyét thu tuc hanh chinh dugc s6 hoa theo quy dinh".
  { key: 'KH215.SH', plan: 'KH215', indicator: IND.SO_HOA_KQ, unit: CITY, year: 2025, comparator: '>=', value: 100, note: 'KH 215/KH-UBND (bảng mục tiêu của KH 35/KH-UBND, dòng 5): «100% kết quả giải quyết thủ tục hành chính được số hóa theo quy định».' },
  // Row 5: "Ty 1€ muc d6 hai long cua nguoi dan, doanh nghiép trong giai quyét tha tuc hanh chinh dat trén 90%."
  { key: 'KH215.HL', plan: 'KH215', indicator: IND.HAI_LONG, unit: CITY, year: 2025, comparator: '>', value: 90, note: 'KH 215/KH-UBND (bảng mục tiêu của KH 35/KH-UBND, dòng 5): «Tỷ lệ mức độ hài lòng của người dân, doanh nghiệp trong giải quyết thủ tục hành chính đạt trên 90%».' },
  // Row 6: "Toi thiéu 50% can bg, céng chirc, vién chuc duogc tap huan, bdi dudng ki ning sb."
  { key: 'KH215.KNS', plan: 'KH215', indicator: IND.CBCC_KY_NANG, unit: CITY, year: 2025, comparator: '>=', value: 50, note: 'KH 215/KH-UBND (bảng mục tiêu của KH 35/KH-UBND, dòng 6): «Tối thiểu 50% cán bộ, công chức, viên chức được tập huấn, bồi dưỡng kĩ năng số».' },
  // Row 7: "100% hé thong thdng tin cia phuong tir cap 46 3 tro 1én duoc trién khai day du phuong an bao dam an toan thong tin theo cap do".
  { key: 'KH215.ATTT', plan: 'KH215', indicator: IND.HTTT_CAP_DO, unit: CITY, year: 2025, comparator: '>=', value: 100, note: 'KH 215/KH-UBND (bảng mục tiêu của KH 35/KH-UBND, dòng 7): «100% hệ thống thông tin từ cấp độ 3 trở lên được triển khai đầy đủ phương án bảo đảm an toàn thông tin theo cấp độ».' },

  // ---- 35/KH-UBND of phường Dương Kinh: the "Mục tiêu cụ thể của phường" column of seed 003's table, each
  // derived from the city's target in the same row.
  { key: 'KH35.DVC', plan: 'KH35', indicator: IND.DVCTT_TOAN_TRINH, unit: DUONG_KINH, year: 2025, comparator: '>=', value: 100, parent: 'KH215.DVC', note: 'KH 35/KH-UBND, mục I.2, dòng 1: 100%.' },
  { key: 'KH35.HSTT', plan: 'KH35', indicator: IND.HS_TRUC_TUYEN, unit: DUONG_KINH, year: 2025, comparator: '>=', value: 80, parent: 'KH215.HSTT', note: 'KH 35/KH-UBND, mục I.2, dòng 2: 80%.' },
  // The ward column prints "> 75%"; the city column it derives from reads "75% ở phường" (≥ by the reading
  // rule), and OCR of this document turns "≥" into ">" or "S" (row 6 prints "S50%" for "≥ 50%").
  { key: 'KH35.HSCV', plan: 'KH35', indicator: IND.HSCV_MANG, unit: DUONG_KINH, year: 2025, comparator: '>=', value: 75, parent: 'KH215.HSCV.xa', note: 'KH 35/KH-UBND, mục I.2, dòng 3: ≥ 75%.' },
  { key: 'KH35.BC', plan: 'KH35', indicator: IND.BAO_CAO, unit: DUONG_KINH, year: 2025, comparator: '>=', value: 100, parent: 'KH215.BC', note: 'KH 35/KH-UBND, mục I.2, dòng 4: 100%.' },
  { key: 'KH35.SH', plan: 'KH35', indicator: IND.SO_HOA_KQ, unit: DUONG_KINH, year: 2025, comparator: '>=', value: 100, parent: 'KH215.SH', note: 'KH 35/KH-UBND, mục I.2, dòng 5: 100%.' },
  { key: 'KH35.HL', plan: 'KH35', indicator: IND.HAI_LONG, unit: DUONG_KINH, year: 2025, comparator: '>', value: 90, parent: 'KH215.HL', note: 'KH 35/KH-UBND, mục I.2, dòng 5: > 90%.' },
  { key: 'KH35.KNS', plan: 'KH35', indicator: IND.CBCC_KY_NANG, unit: DUONG_KINH, year: 2025, comparator: '>=', value: 50, parent: 'KH215.KNS', note: 'KH 35/KH-UBND, mục I.2, dòng 6: ≥ 50%.' },
  // Row 7, ward column: "100% hé thong thong tin cia phudng tir cap do 1 tro 1én duogc trién khai day du phuong an bao dam an toan thdng tin theo cap do".
  { key: 'KH35.ATTT', plan: 'KH35', indicator: IND.HTTT_CAP_DO, unit: DUONG_KINH, year: 2025, comparator: '>=', value: 100, parent: 'KH215.ATTT', note: 'KH 35/KH-UBND, mục I.2, dòng 7: «100% hệ thống thông tin của phường từ cấp độ 1 trở lên được triển khai đầy đủ phương án bảo đảm an toàn thông tin theo cấp độ» (thành phố: từ cấp độ 3 trở lên).' },
  // II.2.a (not in the table): "dam bao trén 90% vin ban duoc Ky s6 va xtr 1y trén moi truong mang (trir vin ban mat)".
  { key: 'KH35.VB', plan: 'KH35', indicator: IND.VB_KY_SO, unit: DUONG_KINH, year: 2025, comparator: '>', value: 90, note: 'KH 35/KH-UBND, mục II.2.a: «bảo đảm trên 90% văn bản được ký số và xử lý trên môi trường mạng (trừ văn bản mật)».' },

  // ---- 01-BC/BCĐ (seed 004) restates the city's budget goal. III.2.a: "phan du c6 it nhat 3% tong chi ngin sach
  // thanh phd chi cho khoa hoc, cong nghé, d6i mdi sang tao va chuyén doi s6 nim 2025"; I.10: "con khoang cach kha
  // xa so v&i muc tiéu 3% duoc dit ra caa Thanh phd".
  { key: 'BC01.CHI', plan: 'BC01', indicator: IND.CHI_KHCN_CDS, unit: CITY, year: 2025, comparator: '>=', value: 3, note: 'Báo cáo 01-BC/BCĐ, III.2.a: «phấn đấu có ít nhất 3% tổng chi ngân sách thành phố chi cho khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số năm 2025».' },
];

export interface DemoCatalogue {
  indicatorIds: Map<string, number>;
  plans: number;
  targets: number;
}

/** Insert the indicators, plans and targets above (into a database without them). */
export async function seedDemoCatalogue(tx: Tx): Promise<DemoCatalogue> {
  const units = new Map(
    (await tx.selectFrom('org_units').select(['id', 'code']).where('closed_on', 'is', null).where('code', 'in', [...new Set([...DEMO_PLANS.map((p) => p.issuer), ...DEMO_TARGETS.map((t) => t.unit)])]).execute()).map((u) => [u.code, u.id]),
  );
  const unitId = (code: string) => {
    const id = units.get(code);
    if (id === undefined) throw new Error(`Dữ liệu mẫu: không có đơn vị mã ${code}.`);
    return id;
  };

  const indicatorIds = new Map<string, number>();
  for (const d of DEMO_INDICATORS) {
    const fields = fieldsOfNew(d);
    const problems = checkIndicatorDefinition({ code: fields.code, unit: fields.unit, spaceAggregation: fields.space_aggregation, timeAggregation: fields.time_aggregation, decimals: fields.decimals, minValue: fields.min_value, maxValue: fields.max_value });
    if (problems.length) throw new Error(`Dữ liệu mẫu: chỉ tiêu ${d.code} không hợp lệ (${problems.map((p) => p.key).join(', ')}).`);
    indicatorIds.set(d.code, (await insertIndicator(tx, fields)).id);
  }

  const planIds = new Map<string, number>();
  for (const p of DEMO_PLANS) {
    const row = await insertPlan(tx, { kind: p.kind, number: p.number, issuer_unit_id: unitId(p.issuer), issued_on: p.issuedOn, title: p.title, horizon_year: p.horizonYear });
    planIds.set(p.key, row.id);
  }

  const targetIds = new Map<string, number>();
  for (const t of DEMO_TARGETS) {
    const indicatorId = indicatorIds.get(t.indicator);
    if (indicatorId === undefined || targetIds.has(t.key) || (t.parent !== undefined && !targetIds.has(t.parent)))
      throw new Error(`Dữ liệu mẫu: chỉ tiêu kế hoạch ${t.key} không hợp lệ.`);
    const row = await insertTarget(tx, {
      plan_id: planIds.get(t.plan)!,
      indicator_id: indicatorId,
      scope: t.level ? 'level' : 'unit',
      org_unit_id: unitId(t.unit),
      level: t.level ?? null,
      year: t.year,
      comparator: t.comparator,
      value: t.value,
      value_max: null,
      parent_target_id: t.parent !== undefined ? targetIds.get(t.parent)! : null,
      note: t.note,
    });
    targetIds.set(t.key, row.id);
  }
  return { indicatorIds, plans: planIds.size, targets: targetIds.size };
}
