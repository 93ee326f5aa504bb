/**
 * Hải Phòng's city agencies as the seed plans name them, with the 2025 reorganisation: agencies that
 * were merged are kept as closed units linked to their successor, because the 2020–2021 plans assign
 * tasks to the old names. Codes are our own short forms (no national code exists for every agency).
 */
import type { OrgUnitKind } from '../../domain/orgUnits.ts';

export interface AgencySeed {
  code: string;
  name: string;
  shortName?: string;
  kind: OrgUnitKind;
  closedOn?: string;
  /** Codes of the agencies it went into, with the share. */
  successors?: { code: string; share: 'full' | 'partial' }[];
}

const CLOSED = '2025-02-28';

export const HAI_PHONG_AGENCIES: AgencySeed[] = [
  { code: '31-VPUBND', name: 'Văn phòng Ủy ban nhân dân thành phố', shortName: 'VP UBND', kind: 'department' },
  { code: '31-SNV', name: 'Sở Nội vụ', shortName: 'SNV', kind: 'department' },
  { code: '31-STC', name: 'Sở Tài chính', shortName: 'STC', kind: 'department' },
  { code: '31-SKHCN', name: 'Sở Khoa học và Công nghệ', shortName: 'SKHCN', kind: 'department' },
  { code: '31-SYT', name: 'Sở Y tế', shortName: 'SYT', kind: 'department' },
  { code: '31-SGDDT', name: 'Sở Giáo dục và Đào tạo', shortName: 'SGDĐT', kind: 'department' },
  { code: '31-SNNMT', name: 'Sở Nông nghiệp và Môi trường', shortName: 'SNNMT', kind: 'department' },
  { code: '31-SXD', name: 'Sở Xây dựng', shortName: 'SXD', kind: 'department' },
  { code: '31-SCT', name: 'Sở Công Thương', shortName: 'SCT', kind: 'department' },
  { code: '31-STP', name: 'Sở Tư pháp', shortName: 'STP', kind: 'department' },
  { code: '31-SVHTTDL', name: 'Sở Văn hóa, Thể thao và Du lịch', shortName: 'SVHTTDL', kind: 'department' },
  { code: '31-SDTTG', name: 'Sở Dân tộc và Tôn giáo', shortName: 'SDTTG', kind: 'department' },
  { code: '31-TTRA', name: 'Thanh tra thành phố', shortName: 'TTr', kind: 'department' },
  { code: '31-BQLKKT', name: 'Ban Quản lý Khu kinh tế Hải Phòng', shortName: 'BQL KKT', kind: 'department' },
  { code: '31-CATP', name: 'Công an thành phố Hải Phòng', shortName: 'CATP', kind: 'organization' },
  { code: '31-NHNN', name: 'Ngân hàng Nhà nước Việt Nam, Chi nhánh thành phố Hải Phòng', shortName: 'NHNN', kind: 'organization' },
  { code: '31-VCCI', name: 'Chi nhánh Phòng Thương mại và Công nghiệp Việt Nam tại Hải Phòng', shortName: 'VCCI HP', kind: 'organization' },
  { code: '31-DPTTH', name: 'Đài Phát thanh và Truyền hình Hải Phòng', shortName: 'THP', kind: 'organization' },
  { code: '31-BAOHP', name: 'Báo Hải Phòng', kind: 'organization' },
  { code: '31-TU', name: 'Thành ủy Hải Phòng', kind: 'block' },
  { code: '31-BCDCDS', name: 'Ban Chỉ đạo phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số thành phố', shortName: 'BCĐ 57', kind: 'block' },
  { code: '31-HDND', name: 'Hội đồng nhân dân thành phố', shortName: 'HĐND', kind: 'block' },
  // Closed by the 2025 reorganisation of specialised agencies.
  { code: '31-STTTT', name: 'Sở Thông tin và Truyền thông', shortName: 'STTTT', kind: 'department', closedOn: CLOSED, successors: [{ code: '31-SKHCN', share: 'full' }] },
  { code: '31-SKHDT', name: 'Sở Kế hoạch và Đầu tư', shortName: 'SKHĐT', kind: 'department', closedOn: CLOSED, successors: [{ code: '31-STC', share: 'full' }] },
  { code: '31-SLDTBXH', name: 'Sở Lao động - Thương binh và Xã hội', shortName: 'SLĐTBXH', kind: 'department', closedOn: CLOSED, successors: [{ code: '31-SNV', share: 'full' }] },
  { code: '31-SNNPTNT', name: 'Sở Nông nghiệp và Phát triển nông thôn', shortName: 'SNNPTNT', kind: 'department', closedOn: CLOSED, successors: [{ code: '31-SNNMT', share: 'full' }] },
  { code: '31-STNMT', name: 'Sở Tài nguyên và Môi trường', shortName: 'STNMT', kind: 'department', closedOn: CLOSED, successors: [{ code: '31-SNNMT', share: 'full' }] },
  { code: '31-SGTVT', name: 'Sở Giao thông vận tải', shortName: 'SGTVT', kind: 'department', closedOn: CLOSED, successors: [{ code: '31-SXD', share: 'full' }] },
  { code: '31-SDL', name: 'Sở Du lịch', shortName: 'SDL', kind: 'department', closedOn: CLOSED, successors: [{ code: '31-SVHTTDL', share: 'full' }] },
  { code: '31-SVHTT', name: 'Sở Văn hóa và Thể thao', shortName: 'SVHTT', kind: 'department', closedOn: CLOSED, successors: [{ code: '31-SVHTTDL', share: 'full' }] },
  { code: '31-SNGV', name: 'Sở Ngoại vụ', shortName: 'SNgV', kind: 'department', closedOn: CLOSED, successors: [{ code: '31-SNV', share: 'full' }] },
];
