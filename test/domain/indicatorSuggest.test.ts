import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { indicatorTerms, phraseSimilarity, suggestIndicators, UNIT_MISMATCH_FACTOR } from '../../domain/extract/indicatorSuggest.ts';

/** Names of the demo catalogue (server/seed/demoIndicators.ts). */
const CATALOGUE = [
  { id: 1, code: 'CQS.DVCTT_TOAN_TRINH', name: 'Tỷ lệ thủ tục hành chính đủ điều kiện được cung cấp dưới hình thức dịch vụ công trực tuyến toàn trình', unit: '%' },
  { id: 2, code: 'CQS.HS_TRUC_TUYEN', name: 'Tỷ lệ hồ sơ thủ tục hành chính được xử lý trực tuyến toàn trình', unit: '%' },
  { id: 3, code: 'CQS.HSCV_MOI_TRUONG_MANG', name: 'Tỷ lệ hồ sơ công việc được xử lý trên môi trường mạng', unit: '%' },
  { id: 4, code: 'CQS.VB_KY_SO', name: 'Tỷ lệ văn bản được ký số và xử lý trên môi trường mạng', unit: '%' },
  { id: 5, code: 'KTS.GRDP', name: 'Tỷ trọng kinh tế số trong GRDP thành phố', unit: '%' },
  { id: 6, code: 'XHS.TK_THANH_TOAN', name: 'Tỷ lệ dân số có tài khoản thanh toán điện tử', unit: '%' },
  { id: 7, code: 'KTS.DN_CNS', name: 'Số doanh nghiệp công nghệ số', unit: 'count' },
];

describe('indicator suggestions', () => {
  it('compares folded words and pairs of words, without the generic "tỷ lệ" and numbers', () => {
    const terms = indicatorTerms('Tỷ lệ dịch vụ công trực tuyến mức độ 4');
    assert.ok(terms.has('dich vu') && terms.has('truc tuyen') && terms.has('muc do'));
    assert.ok(!terms.has('ty') && !terms.has('le') && !terms.has('4'));
    assert.equal(phraseSimilarity('Tỷ lệ hồ sơ công việc được xử lý trên môi trường mạng', 'TY LE HO SO CONG VIEC DUOC XU LY TREN MOI TRUONG MANG'), 1);
    assert.equal(phraseSimilarity('', 'Số doanh nghiệp công nghệ số'), 0);
  });

  it('ranks the indicator a plan sentence measures first, with at most three and their scores', () => {
    const s = suggestIndicators('Tỷ lệ hồ sơ công việc được xử lý trên môi trường mạng', '%', CATALOGUE);
    assert.deepEqual(s.map((x) => x.code), ['CQS.HSCV_MOI_TRUONG_MANG', 'CQS.VB_KY_SO', 'CQS.HS_TRUC_TUYEN']);
    assert.equal(s[0]!.score, 1);
    assert.ok(s[1]!.score < 1 && s[1]!.score > s[2]!.score);
    const dvc = suggestIndicators('Tỷ lệ dịch vụ công trực tuyến mức độ 4, được cung cấp trên nhiều phương tiện truy cập khác nhau', '%', CATALOGUE);
    assert.equal(dvc[0]!.code, 'CQS.DVCTT_TOAN_TRINH');
    assert.equal(suggestIndicators('Tỷ trọng kinh tế số trong GRDP', '%', CATALOGUE)[0]!.code, 'KTS.GRDP');
    assert.deepEqual(suggestIndicators('Tốc độ tăng năng suất lao động hàng năm', '%', CATALOGUE), [], 'nothing in common, nothing suggested');
  });

  it('prefers an indicator with the target’s unit of measure', () => {
    const plain = suggestIndicators('Số doanh nghiệp công nghệ số', null, CATALOGUE)[0]!;
    const mismatch = suggestIndicators('Số doanh nghiệp công nghệ số', '%', CATALOGUE)[0]!;
    assert.equal(plain.code, 'KTS.DN_CNS');
    assert.equal(mismatch.score, Math.round(plain.score * UNIT_MISMATCH_FACTOR * 100) / 100);
    assert.equal(suggestIndicators('Số doanh nghiệp công nghệ số', 'count', CATALOGUE)[0]!.score, plain.score);
  });
});
