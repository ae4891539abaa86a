import { App, Stack } from 'aws-cdk-lib';
import { createChatApp } from './chat-api';
import { createDeviceFleetApp } from './device-fleet';
import { createHttpApp } from './http-api';
import { createInventoryMigrationApp } from './inventory-migration';
import { createOrdersApp } from './orders-api';
import { createPartnerReportsApp } from './partner-reports';
import { createPrivateAndPublicApp } from './private-and-public';
import { createStorefrontApp } from './storefront-events';

/**
 * Every example stack. Both entry points add these (app.ts for `cdk synth`, synth.ts for
 * the examples task), so a new example only has to be listed here.
 */
export function addExampleStacks(app: App): Stack[] {
  return [
    createOrdersApp(app), createStorefrontApp(app), createPartnerReportsApp(app), createPrivateAndPublicApp(app),
    createHttpApp(app), createChatApp(app), createDeviceFleetApp(app), createInventoryMigrationApp(app),
  ];
}
