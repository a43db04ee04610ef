import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResourceActions } from '../../api/types.ts';
import { TableContainer } from '../../components/TableContainer.tsx';
import { actionLabel, resourceLabel } from '../../lib/labels.ts';

const ACTION_ORDER = ['list', 'read', 'create', 'update', 'delete'];

function orderedActions(resources: ResourceActions[]): string[] {
  const all = new Set(resources.flatMap((resource) => resource.actions));
  const known = ACTION_ORDER.filter((action) => all.has(action));
  const rest = [...all].filter((action) => !ACTION_ORDER.includes(action)).sort();
  return [...known, ...rest];
}

type Props = { resources: ResourceActions[]; grants: Set<string>; onChange: (grants: Set<string>) => void; legend: string };

/** Grants as a matrix of resources (rows) by actions (columns); one labelled checkbox per pair. */
export function GrantsMatrix({ resources, grants, onChange, legend }: Props) {
  const { t } = useTranslation();
  const baseId = useId();
  const actions = orderedActions(resources);

  function toggle(grant: string, checked: boolean) {
    const next = new Set(grants);
    if (checked) next.add(grant);
    else next.delete(grant);
    onChange(next);
  }

  return (
    <fieldset className="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset baken-grants">
      <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">{legend}</legend>
      <TableContainer label={legend}>
        <table className="utrecht-table utrecht-table--html-table baken-grants__table" data-testid="grants-matrix">
          <thead className="utrecht-table__header">
            <tr className="utrecht-table__row">
              <th className="utrecht-table__header-cell" scope="col">{t('roles.resource')}</th>
              {actions.map((action) => (
                <th key={action} className="utrecht-table__header-cell baken-grants__action" scope="col">
                  {actionLabel(t, action)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="utrecht-table__body">
            {resources.map(({ resource, actions: allowed }) => (
              <tr key={resource} className="utrecht-table__row">
                <th className="utrecht-table__cell baken-row-header" scope="row">
                  {resourceLabel(t, resource)}
                </th>
                {actions.map((action) => {
                  const grant = `${resource}:${action}`;
                  const id = `${baseId}-${resource}-${action}`;
                  return (
                    <td key={action} className="utrecht-table__cell baken-grants__cell">
                      {allowed.includes(action) ? (
                        <>
                          <input
                            id={id}
                            type="checkbox"
                            className="utrecht-checkbox utrecht-checkbox--html-input utrecht-checkbox--custom"
                            checked={grants.has(grant)}
                            onChange={(event) => toggle(grant, event.target.checked)}
                            data-grant={grant}
                          />
                          <label htmlFor={id} className="visually-hidden">
                            {t('roles.grantLabel', { resource: resourceLabel(t, resource), action: actionLabel(t, action) })}
                          </label>
                        </>
                      ) : (
                        <span className="baken-muted" title={t('roles.notApplicable')}>
                          <span aria-hidden="true">–</span>
                          <span className="visually-hidden">{t('roles.notApplicable')}</span>
                        </span>
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </TableContainer>
    </fieldset>
  );
}
