import { useSyncExternalStore } from 'react';

function subscribeTo(query: string) {
  return (onChange: () => void) => {
    const list = window.matchMedia(query);
    list.addEventListener('change', onChange);
    return () => list.removeEventListener('change', onChange);
  };
}

/** Whether a CSS media query matches now; re-renders when that changes. */
export function useMediaQuery(query: string): boolean {
  return useSyncExternalStore(
    subscribeTo(query),
    () => window.matchMedia(query).matches,
    () => false,
  );
}

/** Below antd's `md` breakpoint (768 px) the layout switches to its phone form. */
export function useIsMobile(): boolean {
  return useMediaQuery('(max-width: 767.98px)');
}

/** Below antd's `lg` breakpoint (992 px) side-by-side panels stack. */
export function useIsNarrow(): boolean {
  return useMediaQuery('(max-width: 991.98px)');
}
