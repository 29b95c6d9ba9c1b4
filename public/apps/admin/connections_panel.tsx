import React from 'react';
import { EuiAccordion, EuiBadge, EuiPanel, EuiSpacer, EuiText } from '@elastic/eui';
import { CONNECTION_ROLES, type Connection } from '../../../common/admin_api';
import { useServices } from '../../services/context';
import { AdminState } from './admin_state';
import { ConnectionEditor } from './connection_editor';
import { ROLE_TITLES } from './connection_model';
import { useAdminData } from './use_admin_data';

const ROLE_DESCRIPTIONS = {
  sessions: 'Each visit: purchase, amount, discount, promotion, dimension and actions (required)',
  customers: 'When each customer first engaged, and dated actions (required)',
  products: 'The basket lines of each session (optional)',
} as const;

/** The three data connections the runs ingest: sessions, customers, products. */
export function ConnectionsPanel(): JSX.Element {
  const { api } = useServices();
  const connections = useAdminData((signal) => api.admin.listConnections(signal), []);
  return (
    <AdminState state={connections} what="the data connections">
      {(list) => (
        <>
          {CONNECTION_ROLES.map((role) => {
            const stored: Connection | null = list.find((c) => c.role === role) ?? null;
            return (
              <React.Fragment key={role}>
                <EuiPanel hasBorder paddingSize="m">
                  <EuiAccordion
                    id={`connection-${role}`}
                    data-test-subj={`connectionAccordion-${role}`}
                    initialIsOpen={stored === null}
                    buttonContent={
                      <span>
                        <strong>{ROLE_TITLES[role]}</strong>{' '}
                        {stored ? (
                          <EuiBadge color="success" data-test-subj={`configured-${role}`}>
                            configured
                          </EuiBadge>
                        ) : (
                          <EuiBadge color="default">not configured</EuiBadge>
                        )}
                        <EuiText size="xs" color="subdued">
                          {ROLE_DESCRIPTIONS[role]}
                        </EuiText>
                      </span>
                    }
                    paddingSize="m"
                  >
                    <ConnectionEditor role={role} stored={stored} onChanged={connections.reload} />
                  </EuiAccordion>
                </EuiPanel>
                <EuiSpacer size="m" />
              </React.Fragment>
            );
          })}
        </>
      )}
    </AdminState>
  );
}
