/**
 * The standalone host's stand-in for Kibana's shared-deps bundle: one copy of each shared module,
 * exposed on `window.__kbnSharedDeps__` under the names plugin/build/externals.ts maps to.
 */
import * as React from 'react';
import * as ReactDom from 'react-dom';
import * as ElasticEui from '@elastic/eui';
import * as ElasticCharts from '@elastic/charts';
import * as EmotionReact from '@emotion/react';
import * as Moment from 'moment';
import * as MomentTimezone from 'moment-timezone';
import * as Lodash from 'lodash';
import * as Rxjs from 'rxjs';
import * as History from 'history';
import * as ReactRouterDom from 'react-router-dom';
import * as KbnReactKibanaContextRender from '../kbn/react-kibana-context-render';
import type { SharedDepName } from '../../build/externals';

const sharedDeps: Record<SharedDepName, unknown> = {
  React,
  ReactDom,
  ElasticEui,
  ElasticCharts,
  EmotionReact,
  Moment,
  MomentTimezone,
  Lodash,
  Rxjs,
  History,
  ReactRouterDom,
  KbnReactKibanaContextRender,
};

(window as unknown as { __kbnSharedDeps__: typeof sharedDeps }).__kbnSharedDeps__ = sharedDeps;
