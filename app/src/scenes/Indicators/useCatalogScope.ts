import { useScopeRoots } from '../../api/orgUnits';
import { useCurrentUser } from '../../auth/useAuth';
import { canEditCatalog, defaultTopUnit } from '../../lib/indicators';

/** The unit the indicator pages start from, and whether the user may change the catalogue. */
export function useCatalogScope() {
  const user = useCurrentUser();
  const roots = useScopeRoots();
  const items = roots.data?.items;
  return {
    roots,
    topUnit: defaultTopUnit(items),
    canEdit: canEditCatalog(user, items),
  };
}

export const currentYear = () => new Date().getFullYear();

/** Years offered by the year pickers: a few back, the next one, and whatever is chosen now. */
export function yearOptions(selected: number): number[] {
  const now = currentYear();
  const years = new Set<number>();
  for (let y = now + 1; y >= now - 5; y--) years.add(y);
  years.add(selected);
  return [...years].sort((a, b) => b - a);
}

/** A year from the URL, when it is a sensible one. */
export function parseYear(value: string | null): number | null {
  const n = Number(value);
  return Number.isInteger(n) && n >= 2000 && n <= 2100 ? n : null;
}
