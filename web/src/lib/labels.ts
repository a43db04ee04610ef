import type { TFunction } from 'i18next';

/** Translated names for values the API sends as codes, falling back to the code itself. */
export const organisationTypeLabel = (t: TFunction, type: string) => t(`organisationTypes.${type}`, { defaultValue: type });
export const scopeLabel = (t: TFunction, scope: string) => t(`scopes.${scope}`, { defaultValue: scope });
export const outcomeLabel = (t: TFunction, outcome: string) => t(`audit.outcomes.${outcome}`, { defaultValue: outcome });
export const resourceLabel = (t: TFunction, resource: string) => t(`resources.${resource}`, { defaultValue: resource });
export const actionLabel = (t: TFunction, action: string) => t(`actions.${action}`, { defaultValue: action });

/** Built-in roles have translated names; custom roles keep the name an administrator gave them. */
export const roleLabel = (t: TFunction, role: { id: string; name: string }) => t(`roleNames.${role.id}`, { defaultValue: role.name });
