import React, { useState } from 'react';
import { EuiPageTemplate, EuiSpacer, EuiTab, EuiTabs } from '@elastic/eui';
import { ConnectionsPanel } from './connections_panel';
import { ElasticsearchStatus } from './elasticsearch_status';
import { RunsPanel } from './runs_panel';
import { SchedulesPanel } from './schedules_panel';

const TABS = [
  { id: 'connections', name: 'Data connections', Panel: ConnectionsPanel },
  { id: 'schedules', name: 'Schedules', Panel: SchedulesPanel },
  { id: 'runs', name: 'Runs & logs', Panel: RunsPanel },
] as const;
type TabId = (typeof TABS)[number]['id'];

/**
 * Data & schedules: the sidecar's admin API through the plugin's server proxy (the sidecar's
 * token stays in kibana.yml). Elasticsearch status on top, then connections, schedules, runs.
 */
export function AdminApp(): JSX.Element {
  const [tab, setTab] = useState<TabId>('connections');
  const { Panel } = TABS.find((entry) => entry.id === tab) ?? TABS[0];
  return (
    <EuiPageTemplate restrictWidth={1400} panelled={false} offset={0} grow>
      <EuiPageTemplate.Header
        pageTitle="Data & schedules"
        description="Where the data comes from, when it is refreshed, and how the runs went."
      />
      <EuiPageTemplate.Section>
        <ElasticsearchStatus />
        <EuiSpacer size="l" />
        <EuiTabs>
          {TABS.map((entry) => (
            <EuiTab
              key={entry.id}
              isSelected={entry.id === tab}
              onClick={() => setTab(entry.id)}
              data-test-subj={`adminTab-${entry.id}`}
            >
              {entry.name}
            </EuiTab>
          ))}
        </EuiTabs>
        <EuiSpacer size="m" />
        <Panel />
      </EuiPageTemplate.Section>
    </EuiPageTemplate>
  );
}
