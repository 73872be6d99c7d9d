import { Type } from 'typebox';

import { MessageBody } from '../answers';
import { View, ViewId, ViewInput, ViewPatch } from '../views';
import type { ResourceContracts } from './contract';

/** Saved wall views (`/views`, `/views/{view_id}`): view keys read, manage keys write. */
export const viewContracts = {
  'views.list': {
    args: [],
    output: Type.Array(View),
    scope: 'view',
    summary: 'List saved views',
    handler: 'views.list',
  },
  'views.get': { args: [ViewId], output: View, scope: 'view', summary: 'One view', handler: 'views.get' },
  'views.create': {
    args: [ViewInput],
    output: View,
    scope: 'manage',
    summary: "Save a view (tiles must have the layout's tile count; camera ids may be unknown)",
    handler: 'views.create',
  },
  'views.update': {
    args: [ViewId, ViewPatch],
    output: View,
    scope: 'manage',
    summary: 'Change a view (a new layout needs tiles of its count)',
    handler: 'views.update',
  },
  'views.delete': {
    args: [ViewId],
    output: MessageBody,
    scope: 'manage',
    summary: 'Delete a view',
    handler: 'views.delete',
    message: 'View {view_id} deleted',
  },
  'views.shown': {
    args: [ViewId],
    output: View,
    scope: 'view',
    summary: 'Say a wall now shows this view (a wall that remembers none opens on the one shown last)',
    handler: 'views.markShown',
  },
} as const satisfies ResourceContracts<'views'>;
