import type { SourceConfig } from '../../../common/source_mapping';
import { BigquerySource } from './bigquery_source';
import { CsvSource } from './csv_source';
import { PostgresSource } from './postgres_source';
import { RedshiftSource } from './redshift_source';
import type { RowSource } from './types';
import { XlsxSource } from './xlsx_source';

/** The source a config describes. Nothing is opened until columns(), sample() or rows(). */
export function openSource(config: SourceConfig): RowSource {
  switch (config.type) {
    case 'csv':
      return new CsvSource(config);
    case 'xlsx':
      return new XlsxSource(config);
    case 'postgres':
      return new PostgresSource(config);
    case 'bigquery':
      return new BigquerySource(config);
    case 'redshift':
      return new RedshiftSource(config);
  }
}
