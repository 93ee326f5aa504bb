import type { TFunction } from 'i18next';
import en from '../../locales/en.json';

/**
 * Actions the server records today, from the locale catalogue ("orgUnit.create" is stored as
 * audit.actions.orgUnit.create); an action not listed there is shown by its code.
 */
export const KNOWN_ACTIONS = Object.entries(en.audit.actions).flatMap(([group, names]) =>
  Object.keys(names).map((name) => `${group}.${name}`),
);
export const KNOWN_ENTITY_TYPES = Object.keys(en.audit.entityTypes);

export function actionLabel(action: string, t: TFunction): string {
  return t(`audit.actions.${action}` as never, { defaultValue: action }) as string;
}

export function entityTypeLabel(entityType: string, t: TFunction): string {
  return t(`audit.entityTypes.${entityType}` as never, { defaultValue: entityType }) as string;
}
