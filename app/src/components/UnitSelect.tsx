import { Select, Spin } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useOrgUnitSearch } from '../api/orgUnits';
import type { OrgUnitSummary } from '../api/types';
import { useDebouncedValue } from '../lib/useDebouncedValue';

interface Props {
  value?: number | null;
  onChange?: (value: number | null, unit: OrgUnitSummary | null) => void;
  /** Units that must not be offered (the unit being moved, for instance). */
  excludeIds?: number[];
  /** Shown for the current value before any search has been made. */
  initialOption?: { id: number; name: string; code: string } | null;
  includeClosed?: boolean;
  placeholder?: string;
  allowClear?: boolean;
  disabled?: boolean;
  id?: string;
  'data-testid'?: string;
}

/** Pick a unit by typing part of its name or code (searches GET /org-units?q=). */
export function UnitSelect({
  value,
  onChange,
  excludeIds,
  initialOption,
  includeClosed,
  placeholder,
  allowClear = true,
  disabled,
  id,
  'data-testid': testId,
}: Props) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const q = useDebouncedValue(text, 300);
  const search = useOrgUnitSearch(q, { includeClosed, limit: 30 });
  const [chosen, setChosen] = useState<OrgUnitSummary | null>(null);

  const options = useMemo(() => {
    const excluded = new Set(excludeIds ?? []);
    const items = (search.data?.items ?? []).filter((u) => !excluded.has(u.id));
    const list = items.map((u) => ({
      value: u.id,
      label: `${u.name} (${u.code})`,
      unit: u,
    }));
    const keep = chosen ?? (initialOption ? { ...initialOption } : null);
    if (value != null && keep && keep.id === value && !list.some((o) => o.value === value)) {
      list.unshift({ value: keep.id, label: `${keep.name} (${keep.code})`, unit: keep as OrgUnitSummary });
    }
    return list;
  }, [search.data, excludeIds, chosen, initialOption, value]);

  const searching = q.trim().length > 0;
  return (
    <Select<number>
      id={id}
      showSearch={{ filterOption: false, onSearch: setText }}
      value={value ?? undefined}
      placeholder={placeholder ?? t('units.select.placeholder')}
      allowClear={allowClear}
      disabled={disabled}
      options={options}
      loading={search.isFetching}
      notFoundContent={
        search.isFetching ? <Spin size="small" /> : searching ? t('units.select.noMatch') : t('units.select.typeToSearch')
      }
      onChange={(v, option) => {
        const unit = Array.isArray(option) ? null : ((option as { unit?: OrgUnitSummary } | undefined)?.unit ?? null);
        setChosen(unit);
        onChange?.(v ?? null, unit);
      }}
      onClear={() => {
        setChosen(null);
        onChange?.(null, null);
      }}
      popupMatchSelectWidth
      style={{ width: '100%' }}
      data-testid={testId}
    />
  );
}

/** Pick several units by typing part of a name or code; the chosen ones keep their labels. */
export function UnitsSelect({
  value,
  onChange,
  initialOptions,
  excludeIds,
  placeholder,
  id,
  'data-testid': testId,
}: {
  value?: number[];
  onChange?: (value: number[]) => void;
  initialOptions?: { id: number; name: string; code: string }[];
  excludeIds?: number[];
  placeholder?: string;
  id?: string;
  'data-testid'?: string;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const q = useDebouncedValue(text, 300);
  const search = useOrgUnitSearch(q, { limit: 30 });
  const [known, setKnown] = useState<Map<number, { id: number; name: string; code: string }>>(() => new Map((initialOptions ?? []).map((u) => [u.id, u])));
  const options = useMemo(() => {
    const excluded = new Set(excludeIds ?? []);
    const found = (search.data?.items ?? []).filter((u) => !excluded.has(u.id));
    const chosen = (value ?? []).flatMap((v) => (found.some((u) => u.id === v) ? [] : known.has(v) ? [known.get(v)!] : []));
    return [...chosen, ...found].map((u) => ({ value: u.id, label: `${u.name} (${u.code})` }));
  }, [search.data, excludeIds, known, value]);
  return (
    <Select<number[]>
      id={id}
      mode="multiple"
      showSearch={{ filterOption: false, onSearch: setText }}
      value={value ?? []}
      placeholder={placeholder ?? t('units.select.placeholder')}
      options={options}
      loading={search.isFetching}
      notFoundContent={search.isFetching ? <Spin size="small" /> : q.trim() ? t('units.select.noMatch') : t('units.select.typeToSearch')}
      onChange={(v) => {
        const next = new Map(known);
        for (const u of search.data?.items ?? []) if (v.includes(u.id)) next.set(u.id, u);
        setKnown(next);
        setText('');
        onChange?.(v);
      }}
      style={{ width: '100%' }}
      data-testid={testId}
    />
  );
}
